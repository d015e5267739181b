using System.Diagnostics;
using Npgsql;

namespace Invordering.Infrastructure.Workflows;

/// <summary>
/// Advances the service clock day by day to a date and processes everything due on each day:
/// opens cases, moves due instances, and waits until every message those caused has been handled
/// (by any worker: the inbox says so), so that each day starts from a settled state.
/// </summary>
public sealed class ServiceRun(NpgsqlDataSource dataSource, WorkflowScheduler scheduler, Cases.PaymentPlanMonitor plans)
{
    /// <summary>The message types some consumer handles; LetterIssued has none and is not waited for.</summary>
    private static readonly string[] HandledTypes =
        ["PaymentReceived", "IssueLetter", "CreateFieldTask", "CancelFieldTask", "TaskCompleted", "SendSeizureOrder", "RecallSeizureOrder", "BailiffResultReceived"];

    public static readonly TimeSpan SettleTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs from the day after the current clock date up to and including <paramref name="until"/>.</summary>
    public async Task<RunSummary> RunUntilAsync(DateOnly until, IProgress<DateOnly>? progress, CancellationToken ct)
    {
        var today = await ServiceClock.TodayAsync(dataSource, TimeProvider.System, ct);
        var summary = new RunSummary();
        for (var day = today; day <= until; day = day.AddDays(1))
        {
            await RunDayAsync(day, summary, ct);
            progress?.Report(day);
        }
        return summary;
    }

    /// <summary>Processes one day to a settled state; a day already run is safe to run again.</summary>
    public async Task RunDayAsync(DateOnly day, RunSummary summary, CancellationToken ct)
    {
        await using (var connection = await dataSource.OpenConnectionAsync(ct))
            await ServiceClock.AdvanceToAsync(connection, null, day, ct);
        // Payments and other events first: no letter goes out for a claim paid that day.
        await SettleAsync(ct);
        summary.CasesOpened += await scheduler.OpenDueCasesAsync(day, ct);
        await plans.RunAsync(day, ct);
        while (true)
        {
            var advanced = await scheduler.ProcessDueAsync(day, ct);
            await SettleAsync(ct);
            summary.StepsAdvanced += advanced;
            if (advanced == 0) break;
        }
        summary.Days++;
    }

    /// <summary>
    /// Waits until every handled message has its inbox row (or failed into an incident). While waiting it reads on from a
    /// mark of its own, just before the first message still open, so a day of 100,000 letters reads each message about once
    /// rather than once per check (0.1-0.2 s each). Only when nothing is open beyond that mark does it look over the whole
    /// stretch since the stored mark, and store the mark then: a message committed late can carry a lower sequence than
    /// messages already seen handled, and must not be passed over while others are still being committed.
    /// </summary>
    public async Task SettleAsync(CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var pause = 5;
        var from = await SettledMarkAsync(ct);
        while (true)
        {
            if (await FirstOpenAfterAsync(from, ct) is { } open) from = open - 1;
            else if (await StoreSettledMarkAsync(ct) is { } stored) from = stored;
            else return;

            if (watch.Elapsed > SettleTimeout)
                throw new TimeoutException("Berichten zijn na 5 minuten nog niet verwerkt: draait de worker en is de broker bereikbaar?");
            await Task.Delay(pause, ct);
            pause = Math.Min(pause * 2, 100);
        }
    }

    private const string OpenMessage = """
        o.message_type = ANY(@types)
        AND NOT EXISTS (SELECT 1 FROM inbox_messages i WHERE i.message_id = o.message_id)
        AND NOT EXISTS (SELECT 1 FROM message_incidents f WHERE f.message_id = o.message_id)
        """;

    private async Task<long> SettledMarkAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT coalesce(max(sequence), 0) FROM outbox_settled");
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }

    /// <summary>The sequence of the first handled-type message after <paramref name="from"/> still without its inbox row, or null.</summary>
    private async Task<long?> FirstOpenAfterAsync(long from, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"SELECT o.sequence FROM outbox_messages o WHERE o.sequence > @from AND {OpenMessage} ORDER BY o.sequence LIMIT 1");
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("types", HandledTypes);
        return await command.ExecuteScalarAsync(ct) as long?;
    }

    /// <summary>
    /// Stores the mark up to just before the first message still open since the stored mark, or up to the newest message
    /// when none is; returns the stored mark while a message is still open, null when everything is handled. It looks while holding a lock that waits out every transaction still writing
    /// the outbox and keeps new ones out until it commits: a writer takes its table lock before it draws a sequence, so a
    /// message another worker drew earlier but commits late is seen, never passed over.
    /// </summary>
    private async Task<long?> StoreSettledMarkAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var wait = new NpgsqlCommand("LOCK TABLE outbox_messages IN SHARE MODE", connection, tx) { CommandTimeout = 0 })
            await wait.ExecuteNonQueryAsync(ct);
        await using var store = new NpgsqlCommand(
            $"""
            WITH first_open AS (
                SELECT o.sequence FROM outbox_messages o
                WHERE o.sequence > coalesce((SELECT max(sequence) FROM outbox_settled), 0) AND {OpenMessage}
                ORDER BY o.sequence LIMIT 1
            )
            INSERT INTO outbox_settled (singleton, sequence)
            SELECT true, coalesce((SELECT sequence - 1 FROM first_open), (SELECT coalesce(max(sequence), 0) FROM outbox_messages))
            ON CONFLICT (singleton) DO UPDATE SET sequence = greatest(outbox_settled.sequence, excluded.sequence)
            RETURNING CASE WHEN EXISTS (SELECT 1 FROM first_open) THEN outbox_settled.sequence END
            """, connection, tx);
        store.Parameters.AddWithValue("types", HandledTypes);
        var stored = await store.ExecuteScalarAsync(ct) as long?;
        await tx.CommitAsync(ct);
        return stored;
    }
}

/// <summary>What a run did.</summary>
public sealed class RunSummary
{
    public int Days { get; set; }
    public int CasesOpened { get; set; }
    public int StepsAdvanced { get; set; }
}
