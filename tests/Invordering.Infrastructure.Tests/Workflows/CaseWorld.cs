using Invordering.Infrastructure.Letters;
using Invordering.Infrastructure.Tests.Segmentation;
using Invordering.Infrastructure.Workflows;
using Invordering.TestSupport;
using Invordering.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Invordering.Infrastructure.Tests.Workflows;

/// <summary>
/// A test database with the shipped workflows and letter templates, and a running worker of the real
/// service on the in-memory transport; cases are added one by one with chosen amounts and states,
/// and days are run as `run` runs them.
/// </summary>
public sealed class CaseWorld : IAsyncLifetime
{
    private int _serial;

    public TestDatabase Database { get; } = new();

    public IHost Host { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using (var db = Database.CreateContext())
        {
            await Setup.SeedAsync(db, SegmentationWorld.ShippedWorkflows, CancellationToken.None);
            await LetterTemplateStore.SeedAsync(db, Path.Combine(Path.GetDirectoryName(SegmentationWorld.ShippedWorkflows)!, "templates"),
                CancellationToken.None);
        }
        // A simulated date from the start: the worker's real-time timers stand aside, and only the days run here move cases.
        await Database.ExecuteAsync(
            """
            INSERT INTO service_clock (today) VALUES ('2024-01-01');
            INSERT INTO import_batches (kind, file_name, sha256, status, created_by) VALUES ('aanslagen', 'test', repeat('0', 64), 'merged', 'test');
            """);
        Host = ServiceHostFactory.Build(ServiceHostFactory.Configuration(Database, null));
        await Host.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await Host.StopAsync();
        Host.Dispose();
        await Database.DisposeAsync();
    }

    /// <summary>An unpaid assessment due on <paramref name="dueDate"/> of a debtor treated as wil-niet; the run opens its case. Returns the assessment id.</summary>
    public async Task<long> AddOverdueAssessmentAsync(long amountCents, DateOnly dueDate)
    {
        var assessment = await AddAssessmentAsync(amountCents, dueDate);
        await ExecuteAsync(
            """
            INSERT INTO debtor_segment_overrides (debtor_id, segment, reason, actor, created_on)
            SELECT debtor_id, 'wil-niet', 'Test: kan wel, wil niet.', 'test', due_date FROM assessments WHERE id = @id
            """, ("id", assessment));
        return assessment;
    }

    /// <summary>A wil-niet case whose workflow stands as <paramref name="state"/> (waiting until its wake-up date). Returns the case id.</summary>
    public async Task<long> AddCaseAsync(long amountCents, WorkflowInstanceState state)
    {
        var assessment = await AddAssessmentAsync(amountCents, state.StepEnteredOn!.Value.AddDays(-30));
        return await ScalarAsync<long>(
            """
            WITH opened AS (
                INSERT INTO collection_cases (assessment_id, debtor_id, opened_on, segment)
                SELECT id, debtor_id, due_date + 1, 'wil-niet' FROM assessments WHERE id = @id
                RETURNING id)
            INSERT INTO workflow_instances (case_id, definition_id, current_step, status, wake_on, state)
            SELECT opened.id, d.id, @step, 'waiting', @wake, @state::jsonb
            FROM opened, workflow_definitions d WHERE d.workflow_id = 'wil-niet' AND d.status = 'published'
            RETURNING case_id
            """,
            ("id", assessment), ("step", state.CurrentStepId!), ("wake", state.WakeUp!.Value), ("state", InstanceStateJson.Serialize(state)));
    }

    /// <summary>The case the run opened for an assessment.</summary>
    public Task<long> CaseOfAsync(long assessmentId) =>
        ScalarAsync<long>("SELECT id FROM collection_cases WHERE assessment_id = @id", ("id", assessmentId));

    /// <summary>Runs one day as `run --until` does: opens cases, advances what is due, waits until every message is handled.</summary>
    public Task RunDayAsync(DateOnly day) =>
        Host.Services.GetRequiredService<ServiceRun>().RunDayAsync(day, new RunSummary(), CancellationToken.None);

    /// <summary>Waits until every message written so far is handled.</summary>
    public Task SettleAsync() => Host.Services.GetRequiredService<ServiceRun>().SettleAsync(CancellationToken.None);

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<long> AddAssessmentAsync(long amountCents, DateOnly dueDate)
    {
        var serial = Interlocked.Increment(ref _serial);
        return await ScalarAsync<long>(
            """
            WITH debtor AS (
                INSERT INTO debtors (bsn, name, street, house_number, postcode, city)
                VALUES (lpad(@serial::text, 9, '0'), 'Debiteur ' || @serial, 'Kerkstraat', @serial::text, '6811AB', 'Arnhem')
                RETURNING id)
            INSERT INTO assessments (assessment_number, debtor_id, tax_year, issue_date, due_date, amount_cents, payment_reference,
                                     content_hash, batch_id)
            SELECT 'T' || @serial, debtor.id, extract(year FROM @due::date)::smallint, @due::date - 60, @due, @amount,
                   lpad(@serial::text, 16, '0'), 0, (SELECT min(id) FROM import_batches)
            FROM debtor
            RETURNING id
            """, ("serial", serial), ("due", dueDate), ("amount", amountCents));
    }

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = Database.DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }
}
