using System.CommandLine;
using System.Diagnostics;
using Invordering.Demo;
using Invordering.Hosting;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Invordering.Printing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Spectre.Console;

namespace Invordering.Cli;

/// <summary>`invordering demo [--debtors N] [--days D] [--seed S] [--out DIR]`: the main job end to end.</summary>
public static class DemoCommand
{
    public static Command Create()
    {
        var debtors = new Option<int>("--debtors") { Description = "Aantal synthetische debiteuren.", DefaultValueFactory = _ => 10_000 };
        var days = new Option<int>("--days") { Description = "Aantal dagen na de vervaldatum.", DefaultValueFactory = _ => 180 };
        var seed = new Option<int>("--seed") { Description = "Startwaarde van het toeval (zelfde waarde, zelfde uitkomst).", DefaultValueFactory = _ => 2026 };
        var output = new Option<string>("--out") { Description = "Map voor de gemaakte bestanden en het rapport.", DefaultValueFactory = _ => "demo-uitvoer" };
        var command = new Command("demo", "Draait de hoofdtaak van begin tot eind op een synthetische populatie.") { debtors, days, seed, output };
        command.SetAction((parse, ct) => CommandAction.RunAsync(async token =>
        {
            var options = new DemoRun.Options(parse.GetValue(debtors), parse.GetValue(days), parse.GetValue(seed), Path.GetFullPath(parse.GetValue(output)!));
            if (options.Debtors is < 1 or > 1_000_000) throw new CommandFailedException("--debtors moet tussen 1 en 1.000.000 liggen.");
            if (options.Days is < 1 or > 1_000) throw new CommandFailedException("--days moet tussen 1 en 1000 liggen.");
            var watch = Stopwatch.StartNew();
            var configuration = InvorderingConfiguration.Build();
            using var host = WorkerHost.Build(configuration, withWorker: true);
            await Preflight.CheckDatabaseAsync(host.Services, token);
            var dataSource = host.Services.GetRequiredService<NpgsqlDataSource>();
            await using (var db = Database.CreateContext(dataSource)) await Setup.MigrateAndSeedAsync(db, token);
            var demo = new DemoRun(host.Services, dataSource);
            await demo.ResetAsync(token);
            await host.StartAsync(token);

            PopulationGenerator.Population population = null!;
            await AnsiConsole.Status().StartAsync("Voorbereiden", async status =>
            {
                population = await demo.GenerateAndImportAsync(options, new Progress<string>(s => status.Status(s)), token);
            });
            Console.WriteLine($"Populatie ingelezen ({DemoRun.Elapsed(watch)}): {options.Debtors} debiteuren, drie jaar historie, aanslagen 2026.");
            var segments = await demo.SegmentAsync(token);
            Console.WriteLine($"Gesegmenteerd ({DemoRun.Elapsed(watch)}): " +
                string.Join(", ", segments.PerSegment.Select(s => $"{s.Key} {s.Value}")) + $" (regelset versie {segments.RuleSetVersion}).");

            (TimeSpan People, TimeSpan Service) simulated = default;
            await AnsiConsole.Progress()
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                .StartAsync(async context =>
                {
                    var total = (PopulationGenerator.DueDate.AddDays(options.Days + 1).DayNumber - DemoRun.StartDate.DayNumber);
                    var task = context.AddTask("dagen verwerken", maxValue: total);
                    simulated = await demo.SimulateAsync(options, population,
                        new SynchronousProgress<DateOnly>(d => task.Value = d.DayNumber - DemoRun.StartDate.DayNumber + 1), token);
                });
            Console.WriteLine($"Dagen verwerkt ({DemoRun.Elapsed(watch)}): de mensen {simulated.People.TotalSeconds:0.0} s, de service {simulated.Service.TotalSeconds:0.0} s.");
            await host.StopAsync(token);

            var funnel = await Funnel.LoadAsync(dataSource, token);
            var title = $"Invordering demo: {options.Debtors} debiteuren, {options.Days} dagen na de vervaldatum (seed {options.Seed})";
            Console.WriteLine();
            Console.WriteLine(title);
            DemoReport.Print(funnel, Console.Out);
            var sample = Path.Combine(options.Folder, "voorbeeldbrieven.pdf");
            var printing = configuration.GetSection("Printing").Get<PrintingOptions>() ?? new PrintingOptions();
            try
            {
                PdfPrinter.CheckChromium(printing);
                await using var printer = new PdfPrinter(printing);
                var (letters, pages) = await demo.PrintSampleAsync(printer, sample, token);
                Console.WriteLine();
                Console.WriteLine($"Voorbeeldbrieven (één van elke soort, {letters} brieven, {pages} pagina's): {sample}");
            }
            catch (PrintException ex)
            {
                Console.WriteLine();
                Console.WriteLine($"Geen voorbeeld-PDF: {ex.Message}");
            }
            var report = Path.Combine(options.Folder, "demo-rapport.html");
            DemoReport.WriteHtml(funnel, report, title);
            Console.WriteLine();
            Console.WriteLine($"Rapport: {report}");
            var accounts = await DemoAccounts.MakeAsync(dataSource, token);
            Console.WriteLine();
            Console.WriteLine("Demo-accounts voor `invordering serve` (http://127.0.0.1:8080; het wachtwoord geldt tot de volgende demo):");
            foreach (var account in accounts) Console.WriteLine($"  {account.Role,-13} {account.Email,-38} {account.Password}");
            Console.WriteLine("  (beheer stelt bij de eerste aanmelding een authenticator-app in)");
            Console.WriteLine();
            Console.WriteLine($"Klaar in {DemoRun.Elapsed(watch)}. De gegevens blijven staan: `invordering serve` toont ze.");
            return 0;
        }, ct));
        return command;
    }
}
