using System.CommandLine;
using System.Globalization;
using Invordering.Cli;
using Invordering.Hosting;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Invordering.Printing;
using Microsoft.Extensions.Configuration;

namespace Invordering.Bench;

/// <summary>`bench letters [--letters N]`: a letter run end to end against rendering alone, then a PDF run's pages per second.</summary>
public sealed class LettersBench : IBenchCapability
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    public string Name => "letters";

    public Command CreateCommand()
    {
        var letters = new Option<int>("--letters") { Description = "Het aantal brieven.", DefaultValueFactory = _ => 100_000 };
        var command = new Command(Name,
            "Meet het maken en opslaan van brieven tegen alleen renderen, en het afdrukken naar PDF, in een eigen database.") { letters };
        command.SetAction((parse, ct) => CommandAction.RunAsync(async token =>
        {
            var count = parse.GetValue(letters);
            if (count < 1) throw new CommandFailedException($"--letters {count}: geef een aantal van minstens 1.");
            var configuration = InvorderingConfiguration.Build();
            var printing = configuration.GetSection("Printing").Get<PrintingOptions>() ?? new PrintingOptions();
            var today = ServiceClock.RealToday(TimeProvider.System);
            try
            {
                PdfPrinter.CheckChromium(printing);
                Print(await LettersBenchmark.RunAsync(Database.ConnectionString(configuration), count, today, printing, null, token));
                return 0;
            }
            catch (PrintException ex)
            {
                throw new CommandFailedException(ex.Message);
            }
        }, ct));
        return command;
    }

    private static void Print(LettersBenchResult r)
    {
        Console.WriteLine(string.Create(Dutch, $"bench letters: {r.Letters:N0} brieven, {r.HtmlBytes / 1e6:N0} MB HTML (zaken gemaakt in {r.Generated.TotalSeconds:N1} s)"));
        Console.WriteLine(string.Create(Dutch, $"  alleen renderen (ondergrens)       {r.RawRender.TotalSeconds,8:N2} s  {r.RawLettersPerSecond,10:N0} brieven/s"));
        Console.WriteLine(string.Create(Dutch, $"  ophalen, renderen en opslaan       {r.EndToEnd.TotalSeconds,8:N2} s  {r.LettersPerSecond,10:N0} brieven/s (doel: minstens 5.000)"));
        Console.WriteLine(string.Create(Dutch,
            $"    bezig met ophalen {r.Stages.Load.TotalSeconds:N2} s, renderen {r.Stages.Render.TotalSeconds:N2} s, opslaan (COPY, {LettersBenchmark.Writers} verbindingen samen) {r.Stages.Store.TotalSeconds:N2} s"));
        Console.WriteLine(string.Create(Dutch, $"  verhouding opgeslagen/alleen renderen: {r.Ratio:N2}"));
        Console.WriteLine(string.Create(Dutch,
            $"  PDF: {r.PdfLetters:N0} brieven, {r.PdfPages:N0} pagina's in {r.Pdf.TotalSeconds:N1} s: {r.PagesPerSecond:N0} pagina's/s (doel: minstens 50)"));
    }
}
