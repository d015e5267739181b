using System.CommandLine;
using System.Globalization;
using Invordering.Domain;
using Invordering.Hosting;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Bench;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Segmentation;

namespace Invordering.Cli;

/// <summary>`invordering segment`: segments every debtor from their payment history and prints the counts per segment.</summary>
public static class SegmentCommand
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public static Command Create()
    {
        var command = new Command("segment", "Segmenteert alle debiteuren op basis van betaalhistorie: kan-en-wil, wil-niet of kan-niet.");
        command.SetAction((_, ct) => CommandAction.RunAsync(async token =>
        {
            var configuration = InvorderingConfiguration.Build();
            await using var dataSource = Database.CreateDataSource(Database.ConnectionString(configuration));
            await using var db = Database.CreateContext(dataSource);
            var summary = await RunAsync(() => new Segmenter(dataSource, TimeProvider.System).SegmentAllAsync(db, Environment.UserName, token));
            Print(summary);
            return 0;
        }, ct));
        return command;
    }

    /// <summary>Runs a segmentation; what it cannot do becomes the one line the command prints.</summary>
    internal static async Task<T> RunAsync<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (SegmentationException ex)
        {
            throw new CommandFailedException(ex.Message);
        }
    }

    internal static void Print(SegmentationRunSummary s)
    {
        Console.WriteLine(string.Create(Dutch,
            $"{s.Debtors:N0} debiteuren gesegmenteerd in {s.Duration.TotalSeconds:N2} s met regelset versie {s.RuleSetVersion}; {s.Changed:N0} gewijzigd."));
        foreach (var segment in Enum.GetValues<Segment>())
            Console.WriteLine(string.Create(Dutch, $"  {segment.ToSlug(),-11}{s.PerSegment.GetValueOrDefault(segment.ToSlug()),12:N0}  {segment.DisplayName}"));
        if (s.ActiveOverrides > 0)
            Console.WriteLine(string.Create(Dutch, $"  {s.ActiveOverrides:N0} debiteuren hebben een handmatig vastgezette klantgroep; die gaat voor."));
    }
}

/// <summary>
/// `bench segment [--debtors N] [--seed S]`: segmenting debtors with three years of history each against one
/// bare aggregate over the same history, in a database of its own.
/// </summary>
public sealed class SegmentBench : IBenchCapability
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public string Name => "segment";

    public Command CreateCommand()
    {
        var debtors = new Option<int>("--debtors") { Description = "Het aantal debiteuren, elk met drie jaar betaalhistorie.", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Het startgetal van de gegevens: dezelfde seed geeft dezelfde historie.", DefaultValueFactory = _ => 1 };
        var command = new Command(Name, "Meet het segmenteren van debiteuren tegen één kale aggregatie over dezelfde historie, in een eigen database.")
        {
            debtors, seed,
        };
        command.SetAction((parse, ct) => CommandAction.RunAsync(async token =>
        {
            var count = parse.GetValue(debtors);
            if (count < 1) throw new CommandFailedException($"--debtors {count}: geef een aantal van minstens 1.");
            var connectionString = Database.ConnectionString(InvorderingConfiguration.Build());
            var today = ServiceClock.RealToday(TimeProvider.System);
            var result = await SegmentCommand.RunAsync(() => SegmentationBenchmark.RunAsync(connectionString, Path.Combine(Setup.ContentRoot, "workflows"), count, parse.GetValue(seed), today, null, token));
            Print(result);
            return 0;
        }, ct));
        return command;
    }

    private static void Print(SegmentationBenchResult r)
    {
        Console.WriteLine(string.Create(Dutch,
            $"bench segment: {r.Debtors:N0} debiteuren, {r.HistoryRows:N0} regels betaalhistorie (gemaakt in {r.Generated.TotalSeconds:N1} s)"));
        Console.WriteLine(string.Create(Dutch,
            $"  ondergrens (één INSERT ... SELECT: aantal en som per debiteur)  {r.Baseline.TotalSeconds,8:N2} s  (gemiddelde van {r.BaselineBefore.TotalSeconds:N2} s ervoor en {r.BaselineAfter.TotalSeconds:N2} s erna)"));
        Console.WriteLine(string.Create(Dutch, $"  segmentatie (feiten, regels, klantgroepen met redenen)         {r.Segmentation.TotalSeconds,8:N2} s"));
        foreach (var (phase, elapsed) in r.Summary.Phases)
            Console.WriteLine(string.Create(Dutch, $"    {phase,-32}{elapsed.TotalSeconds,8:N2} s"));
        var counts = Enum.GetValues<Segment>().Select(s => string.Create(Dutch, $"{s.ToSlug()} {r.Summary.PerSegment.GetValueOrDefault(s.ToSlug()):N0}"));
        Console.WriteLine($"    klantgroepen: {string.Join(", ", counts)}");
        Console.WriteLine(string.Create(Dutch, $"  verhouding segmentatie/ondergrens: {r.Ratio:N2} (doel: hoogstens 3)"));
    }
}
