using System.CommandLine;
using System.Text.Json;
using Invordering.Hosting;
using Invordering.Infrastructure.Import;
using Invordering.Infrastructure.Persistence;
using Spectre.Console;

namespace Invordering.Cli;

/// <summary>`invordering import aanslagen|betalingen|historie FILE [--json]`.</summary>
public static class ImportCommand
{
    public static Command Create()
    {
        var command = new Command("import", "Leest een bestand in: aanslagen, betalingen of historie.");
        foreach (var kind in Enum.GetValues<ImportKind>()) command.Subcommands.Add(CreateFor(kind));
        return command;
    }

    private static Command CreateFor(ImportKind kind)
    {
        var file = new Argument<FileInfo>("FILE") { Description = "Het bestand (CSV; bij betalingen ook camt.053 XML)." };
        var json = new Option<bool>("--json") { Description = "Druk het resultaat af als JSON." };
        var command = new Command(kind.Slug(), $"Leest een {kind.Slug()}bestand in.") { file, json };
        command.SetAction((parse, ct) => CommandAction.RunAsync(async token =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists) throw new CommandFailedException($"Bestand niet gevonden: {path.FullName}");
            var configuration = InvorderingConfiguration.Build();
            await using var dataSource = Database.CreateDataSource(Database.ConnectionString(configuration));
            var import = new AuditedImport(new ImportRunner(dataSource), dataSource, TimeProvider.System);
            var source = $"invordering import {kind.Slug()}";
            var outcome = parse.GetValue(json)
                ? await import.RunAsync(kind, path.FullName, Environment.UserName, source, null, token)
                : await WithProgressBar(p => import.RunAsync(kind, path.FullName, Environment.UserName, source, p, token));
            if (outcome.Rejected is { } rejected) throw rejected;
            var summary = outcome.Summary!;
            if (parse.GetValue(json)) Console.WriteLine(JsonSerializer.Serialize(summary, JsonSerializerOptions.Web));
            else PrintSummary(summary);
            return 0;
        }, ct));
        return command;
    }

    private static async Task<ImportOutcome> WithProgressBar(Func<IProgress<ImportProgress>, Task<ImportOutcome>> run)
    {
        if (Console.IsErrorRedirected && Console.IsOutputRedirected) return await run(new Progress<ImportProgress>());
        return await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .StartAsync(async context =>
            {
                var reading = context.AddTask("inlezen", maxValue: 1);
                var merging = context.AddTask("samenvoegen", autoStart: false, maxValue: 1);
                var outcome = await run(new SynchronousProgress<ImportProgress>(p =>
                {
                    if (p.Phase == "inlezen" && p.BytesTotal > 0) reading.Value = (double)p.BytesRead / p.BytesTotal;
                    else if (p.Phase == "samenvoegen") { reading.Value = 1; merging.StartTask(); merging.IsIndeterminate = true; }
                }));
                reading.Value = 1;
                merging.IsIndeterminate = false;
                merging.Value = 1;
                return outcome;
            });
    }

    private static void PrintSummary(ImportSummary s)
    {
        if (s.AlreadyImported)
        {
            Console.WriteLine($"{s.File} is al eerder ingelezen (batch {s.BatchId}); er is niets veranderd.");
            return;
        }
        Console.WriteLine($"{s.File}: batch {s.BatchId}, {s.Rows} regels, {s.Accepted} verwerkt, {s.Rejected} afgewezen, {s.Duplicates} dubbel (al bekend, niets veranderd).");
        foreach (var e in s.Errors.Take(20)) Console.WriteLine($"  regel {e.Line}, kolom {e.Column}: {e.Message} [{e.Code}]");
        if (s.Rejected > 20) Console.WriteLine($"  ... en meer; alle afgewezen regels staan bij batch {s.BatchId}.");
    }
}
