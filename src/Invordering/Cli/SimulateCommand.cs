using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using Invordering.Hosting;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Workflows;
using Invordering.Simulation;
using Invordering.Workflows.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Spectre.Console;

namespace Invordering.Cli;

/// <summary>
/// `invordering simulate --workflow KEY [--versie N | --bestand FILE] [--debiteuren N] [--dagen D] [--seed S] [--json]`:
/// a version of a workflow beside the published one on the same synthetic debtors, in memory.
/// </summary>
public static class SimulateCommand
{
    public static Command Create()
    {
        var workflow = new Option<string>("--workflow") { Description = "De workflow, zoals kan-en-wil.", Required = true };
        var version = new Option<int?>("--versie") { Description = "De versie om naast de gepubliceerde te simuleren (standaard het nieuwste concept)." };
        var file = new Option<FileInfo?>("--bestand") { Description = "Een workflowbestand (JSON) om naast de gepubliceerde versie te simuleren." };
        var debtors = new Option<int>("--debiteuren") { Description = "Aantal synthetische debiteuren.", DefaultValueFactory = _ => 10_000 };
        var days = new Option<int>("--dagen") { Description = "Aantal dagen na de vervaldatum.", DefaultValueFactory = _ => DraftSimulation.DefaultDays };
        var seed = new Option<int>("--seed") { Description = "Startwaarde van het toeval (zelfde waarde, zelfde uitkomst).", DefaultValueFactory = _ => DraftSimulation.DefaultSeed };
        var json = new Option<bool>("--json") { Description = "Druk het resultaat af als JSON." };
        var command = new Command("simulate", "Simuleert een versie van een workflow naast de gepubliceerde, op synthetische debiteuren; raakt geen echte zaak en verstuurt niets.")
        {
            workflow, version, file, debtors, days, seed, json,
        };
        command.SetAction((parse, ct) => CommandAction.RunAsync(async token =>
        {
            var watch = Stopwatch.StartNew();
            var path = parse.GetValue(file);
            if (path is not null && parse.GetValue(version) is not null) throw new CommandFailedException("Geef --versie of --bestand op, niet allebei.");
            if (path is not null && !path.Exists) throw new CommandFailedException($"Bestand niet gevonden: {path.FullName}");
            var fileJson = path is null ? null : await File.ReadAllTextAsync(path.FullName, token);

            using var host = WorkerHost.Build(InvorderingConfiguration.Build(), withWorker: false);
            await Preflight.CheckDatabaseAsync(host.Services, token);
            await using var scope = host.Services.CreateAsyncScope();
            var simulation = scope.ServiceProvider.GetRequiredService<DraftSimulation>();
            var db = scope.ServiceProvider.GetRequiredService<InvorderingDbContext>();
            var versions = await simulation.ChooseAsync(parse.GetValue(workflow), parse.GetValue(version), fileJson, token);
            var (count, length, start) = (parse.GetValue(debtors), parse.GetValue(days), parse.GetValue(seed));
            Task<SimulationComparison> Run(IProgress<int>? published, IProgress<int>? tried) =>
                simulation.RunAsync(db, versions, count, length, start, Environment.UserName, "cli", published, tried, token);

            // A bar only where a person watches; JSON and redirected output stay plain.
            var comparison = parse.GetValue(json) || Console.IsOutputRedirected
                ? await Run(null, null)
                : await AnsiConsole.Progress()
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
                    .StartAsync(async context =>
                    {
                        var published = context.AddTask($"gepubliceerd (versie {versions.Published.Version})", maxValue: length);
                        var tried = context.AddTask(TriedColumn(versions), maxValue: length);
                        return await Run(new SynchronousProgress<int>(d => published.Value = d), new SynchronousProgress<int>(d => tried.Value = d));
                    });
            watch.Stop();
            if (parse.GetValue(json))
            {
                Console.WriteLine(JsonSerializer.Serialize(new
                {
                    comparison.Published, Tried = comparison.Draft,
                    Rows = comparison.Rows().Select(r => new { r.Group, r.Label, r.Published, r.Draft, r.Difference }),
                    Seconds = Math.Round(watch.Elapsed.TotalSeconds, 1),
                }, JsonSerializerOptions.Web));
                return 0;
            }

            Print(comparison, versions, count, length, start, watch.Elapsed);
            return 0;
        }, ct));
        return command;
    }

    private static void Print(SimulationComparison comparison, SimulatedVersions versions, int debtors, int days, int seed, TimeSpan elapsed)
    {
        Console.WriteLine($"Simulatie van workflow '{versions.Published.Id}': {SimulationFigures.Format(debtors, FigureUnit.Count)} synthetische debiteuren, {days} dagen na de vervaldatum (seed {seed}).");
        var lines = new List<string[]> { new[] { "", $"gepubliceerd ({SimulationFigures.Version(comparison.Published)})", TriedColumn(versions), "verschil" } };
        string? group = null;
        foreach (var row in comparison.Rows())
        {
            if (row.Group != group) lines.Add([group = row.Group, "", "", ""]);
            lines.Add(["  " + row.Label, SimulationFigures.Format(row.Published, row.Unit), SimulationFigures.Format(row.Draft, row.Unit), SimulationFigures.Difference(row)]);
        }
        var widths = Enumerable.Range(0, 4).Select(i => lines.Max(l => l[i].Length)).ToArray();
        Console.WriteLine();
        foreach (var line in lines)
            Console.WriteLine($"{line[0].PadRight(widths[0])}  {line[1].PadLeft(widths[1])}  {line[2].PadLeft(widths[2])}  {line[3].PadLeft(widths[3])}".TrimEnd());
        Console.WriteLine();
        Console.WriteLine($"Klaar in {SimulationFigures.Seconds(elapsed)} (beide versies samen). Er is geen echte zaak geraakt en niets verstuurd.");
    }

    private static string TriedColumn(SimulatedVersions versions) => versions.TriedLabel == "bestand" ? "bestand" : $"versie {versions.TriedLabel}";
}
