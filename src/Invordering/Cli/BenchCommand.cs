using System.CommandLine;
using System.Globalization;
using Invordering.Hosting;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Bench;
using Invordering.Infrastructure.Persistence;

namespace Invordering.Cli;

/// <summary>
/// `invordering bench CAPABILITY`: measures a capability against its physical baseline in the same
/// run. A small dispatcher: each capability is one class; add yours to <see cref="Capabilities"/>.
/// </summary>
public static class BenchCommand
{
    private static readonly IBenchCapability[] Capabilities =
    [
        new ImportBench(),
        new SegmentBench(),
        new Bench.WorkflowBench(),
        new Bench.LettersBench(),
    ];

    public static Command Create()
    {
        var command = new Command("bench", "Meet een vermogen tegen zijn fysieke ondergrens.") { TreatUnmatchedTokensAsErrors = false };
        foreach (var capability in Capabilities) command.Subcommands.Add(capability.CreateCommand());
        command.SetAction(parse =>
        {
            var known = string.Join(", ", Capabilities.Select(c => c.Name));
            Console.Error.WriteLine(parse.UnmatchedTokens.FirstOrDefault() is { } unknown
                ? $"invordering: '{unknown}' kan niet gemeten worden; kies uit: {known}."
                : $"invordering: zeg wat er gemeten moet worden: {known}.");
            return 2;
        });
        return command;
    }
}

/// <summary>One thing `bench` can measure: its subcommand.</summary>
public interface IBenchCapability
{
    string Name { get; }

    Command CreateCommand();
}

/// <summary>`bench import [--rows N] [--seed S]`: the aanslagen import against a raw binary COPY of the same rows.</summary>
public sealed class ImportBench : IBenchCapability
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public string Name => "import";

    public Command CreateCommand()
    {
        var rows = new Option<int>("--rows") { Description = "Het aantal aanslagen in het bestand.", DefaultValueFactory = _ => 1_000_000 };
        var seed = new Option<int>("--seed") { Description = "Het startgetal van de gegevens: dezelfde seed geeft hetzelfde bestand.", DefaultValueFactory = _ => 1 };
        var command = new Command(Name, "Meet het inlezen van aanslagen tegen een kale COPY van dezelfde regels, in een eigen database.") { rows, seed };
        command.SetAction((parse, ct) => CommandAction.RunAsync(async token =>
        {
            var count = parse.GetValue(rows);
            if (count < 1) throw new CommandFailedException($"--rows {count}: geef een aantal van minstens 1.");
            var connectionString = Database.ConnectionString(InvorderingConfiguration.Build());
            var today = ServiceClock.RealToday(TimeProvider.System);
            var result = await ImportBenchmark.RunAsync(connectionString, count, parse.GetValue(seed), today, null, token);
            if (result.Summary.Accepted != count)
                throw new CommandFailedException(
                    $"Het gemaakte bestand is niet helemaal ingelezen: {result.Summary.Accepted} van {count} aanslagen, {result.Summary.Rejected} afgewezen.");
            Print(result);
            return 0;
        }, ct));
        return command;
    }

    private static void Print(ImportBenchResult r)
    {
        Console.WriteLine(string.Create(Dutch,
            $"bench import: {r.Rows:N0} aanslagen, bestand {r.FileBytes / 1e6:N1} MB (gemaakt in {r.Generated.TotalSeconds:N1} s), in database {r.Database} (weer verwijderd)"));
        Console.WriteLine(string.Create(Dutch, $"  ruwe COPY (ondergrens)  {r.RawCopy.TotalSeconds,8:N2} s  {r.RawRowsPerSecond,10:N0} regels/s"));
        Console.WriteLine(string.Create(Dutch, $"  import                  {r.Import.TotalSeconds,8:N2} s  {r.ImportRowsPerSecond,10:N0} regels/s"));
        foreach (var (phase, elapsed) in r.Phases)
            Console.WriteLine(string.Create(Dutch, $"    {phase,-26}{elapsed.TotalSeconds,6:N2} s"));
        Console.WriteLine(string.Create(Dutch, $"  verhouding import/ruw: {r.Ratio:N2} (doel: minstens 0,50)"));
        Console.WriteLine(string.Create(Dutch, $"  piekgeheugen: {r.PeakMemoryBytes / (1024 * 1024):N0} MB (doel: minder dan 600 MB)"));
    }
}
