using System.Diagnostics;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Import;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Segmentation;
using Invordering.Infrastructure.Workflows;
using Invordering.Printing;
using Invordering.Workflows.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invordering.Demo;

/// <summary>
/// The main job end to end: a synthetic population written as files, imported through the real
/// import paths, then day by day on the service clock: people act, the service processes the day.
/// </summary>
public sealed class DemoRun(IServiceProvider services, NpgsqlDataSource dataSource)
{
    public const string DemoActor = "demo";
    public static readonly DateOnly StartDate = PopulationGenerator.DueDate.AddDays(-30);

    public sealed record Options(int Debtors, int Days, int Seed, string Folder);

    /// <summary>Empties a database that only an earlier demo filled; refuses one holding other data.</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        await using var check = dataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM import_batches WHERE created_by <> @demo) OR EXISTS (SELECT 1 FROM assessments a JOIN import_batches b ON b.id = a.batch_id WHERE b.created_by <> @demo)");
        check.Parameters.AddWithValue("demo", DemoActor);
        if ((bool)(await check.ExecuteScalarAsync(ct))!)
            throw new InvalidOperationException("Deze database bevat echte gegevens; de demo draait alleen op een lege database of op die van een eerdere demo.");
        await using var truncate = dataSource.CreateCommand(
            """
            TRUNCATE audit_log, inbox_messages, outbox_messages, outbox_settled, service_clock, workflow_incidents, workflow_journal,
                     field_tasks, seizure_orders, letters, case_costs, payment_plan_instalments, payment_plans, remission_requests,
                     workflow_instances, collection_cases, payments, assessments, payment_history, debtors,
                     import_rejections, import_batches, staging_assessments, staging_payments, staging_history
            RESTART IDENTITY CASCADE
            """);
        await truncate.ExecuteNonQueryAsync(ct);
    }

    public async Task<PopulationGenerator.Population> GenerateAndImportAsync(Options options, IProgress<string> progress, CancellationToken ct)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
            await ServiceClock.AdvanceToAsync(connection, null, StartDate, ct);
        progress.Report($"{options.Debtors} debiteuren maken");
        var population = new PopulationGenerator(options.Seed).Write(options.Debtors, options.Folder);
        var import = services.GetRequiredService<ImportRunner>();
        foreach (var (kind, file) in new[] { (ImportKind.Historie, population.HistoryFile), (ImportKind.Aanslagen, population.AssessmentsFile),
                     (ImportKind.Betalingen, population.EarlyPaymentsFile) })
        {
            progress.Report($"{Path.GetFileName(file)} inlezen");
            var summary = await import.RunAsync(kind, file, DemoActor, StartDate, null, ct);
            if (summary.Rejected > 0)
                throw new InvalidOperationException($"{Path.GetFileName(file)}: {summary.Rejected} regels afgewezen, eerste: {summary.Errors[0].Message}");
        }
        return population;
    }

    /// <summary>Segments every debtor from the imported history with the published rule set, before any case opens.</summary>
    public async Task<SegmentationRunSummary> SegmentAsync(CancellationToken ct)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InvorderingDbContext>();
        return await services.GetRequiredService<Segmenter>().SegmentAllAsync(db, DemoActor, ct);
    }

    /// <summary>Runs the days after the due date; reports each day done; returns the time people and the service took.</summary>
    public async Task<(TimeSpan People, TimeSpan Service)> SimulateAsync(Options options, PopulationGenerator.Population population, IProgress<DateOnly> progress, CancellationToken ct)
    {
        var behaviourByDebtor = new Dictionary<long, Behaviour>(population.Behaviours.Count);
        await using (var command = dataSource.CreateCommand("SELECT id, bsn FROM debtors"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) behaviourByDebtor[reader.GetInt64(0)] = population.Behaviours[reader.GetString(1)];

        var people = new PeopleSimulation(dataSource, services.GetRequiredService<ImportRunner>(), services.GetRequiredService<IServiceScopeFactory>(),
            new PeopleModel(new Chance(options.Seed)), behaviourByDebtor, options.Folder);
        var run = services.GetRequiredService<ServiceRun>();
        var summary = new RunSummary();
        var first = PopulationGenerator.DueDate.AddDays(1);
        var peopleTime = new Stopwatch();
        var serviceTime = new Stopwatch();
        for (var day = StartDate; day < first.AddDays(options.Days); day = day.AddDays(1))
        {
            peopleTime.Start();
            if (day >= first) await people.ActAsync(day, ct);
            peopleTime.Stop();
            serviceTime.Start();
            await run.RunDayAsync(day, summary, ct);
            serviceTime.Stop();
            progress.Report(day);
        }
        return (peopleTime.Elapsed, serviceTime.Elapsed);
    }

    /// <summary>
    /// Prints one letter of each kind the run sent into one PDF, as a print run would, and writes it
    /// to <paramref name="file"/>; returns how many letters and pages.
    /// </summary>
    public async Task<(int Letters, int Pages)> PrintSampleAsync(PdfPrinter printer, string file, CancellationToken ct)
    {
        var htmls = new List<string>();
        await using (var command = dataSource.CreateCommand(
                         "SELECT DISTINCT ON (template_code) html FROM letters ORDER BY template_code, id"))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) htmls.Add(reader.GetString(0));
        if (htmls.Count == 0) return (0, 0);
        var pdf = await printer.PrintAsync(htmls, ct);
        await File.WriteAllBytesAsync(file, pdf.Pdf, ct);
        return (htmls.Count, pdf.Pages);
    }

    public static string Elapsed(Stopwatch watch) => $"{watch.Elapsed.TotalSeconds:0.0} s";
}
