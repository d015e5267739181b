using Invordering.Workflows;
using Npgsql;

namespace Invordering.Infrastructure.Workflows;

/// <summary>
/// Opens cases for claims unpaid after their due date and moves due instances on. Due rows are
/// claimed in batches with FOR UPDATE SKIP LOCKED, so any number of workers share the work and
/// nothing is held in memory between batches; each batch commits with its journal and outbox.
/// </summary>
public sealed class WorkflowScheduler(NpgsqlDataSource dataSource, DefinitionStore definitions, WorkflowEngine engine)
{
    public const int BatchSize = 500;

    /// <summary>Batches in progress at once in one worker, each on its own connection.</summary>
    public const int ConcurrentBatches = 2;
    public const string Actor = "systeem";

    /// <summary>Cases opened in one go from which the planner's statistics are refreshed before the day's steps.</summary>
    public const int RefreshStatisticsAfter = 10_000;

    /// <summary>
    /// Opens a case, and starts its segment's published workflow, for every claim overdue on <paramref name="today"/>.
    /// A case takes its debtor's effective segment: an override in force, else the computed one, else kan-en-wil.
    /// </summary>
    public async Task<int> OpenDueCasesAsync(DateOnly today, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            WITH overdue AS (
                SELECT a.id, a.debtor_id FROM assessments a
                WHERE a.paid_cents < a.amount_cents AND a.due_date < @today AND NOT a.direct_debit
                  AND NOT EXISTS (SELECT 1 FROM collection_cases c WHERE c.assessment_id = a.id)
                  AND (a.instalments = 1 OR a.paid_cents < (SELECT sum(i.amount_cents) FROM assessment_instalments i
                                                           WHERE i.assessment_id = a.id AND i.due_date < @today))
            ), opened AS (
                INSERT INTO collection_cases (assessment_id, debtor_id, opened_on, segment)
                SELECT o.id, o.debtor_id, @today, debtor_effective_segment(o.debtor_id, @today) FROM overdue o
                ORDER BY o.id -- all of "overdue" is read before the first insert, and workers opening the same day lock in one order
                ON CONFLICT (assessment_id) DO NOTHING
                RETURNING id, segment
            )
            INSERT INTO workflow_instances (case_id, definition_id, current_step, status, wake_on)
            SELECT o.id, d.id, '', 'not-started', @today
            FROM opened o
            JOIN LATERAL (SELECT id FROM workflow_definitions w WHERE w.status = 'published' AND w.segment = o.segment
                          ORDER BY w.workflow_id = o.segment DESC, w.id LIMIT 1) d ON true
            """);
        command.Parameters.AddWithValue("today", today);
        command.CommandTimeout = 0; // a day can open hundreds of thousands of cases
        var opened = await command.ExecuteNonQueryAsync(ct);
        if (opened >= RefreshStatisticsAfter)
            await RefreshStatisticsAsync(ct);
        return opened;
    }

    /// <summary>
    /// The planner's statistics of the tables a day's run reads are refreshed at once when that many cases opened: autovacuum
    /// would do so only a minute or more later, and until then the claims and case facts were planned for the tables as they
    /// were (on a first day, empty: each case's facts then scanned all cases, 1 to 2 s per batch instead of 0.05 s).
    /// </summary>
    private async Task RefreshStatisticsAsync(CancellationToken ct)
    {
        await using var analyze = dataSource.CreateCommand("ANALYZE collection_cases, workflow_instances");
        analyze.CommandTimeout = 0;
        await analyze.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Advances every instance due on <paramref name="today"/>; returns how many. Several batches are in progress at once,
    /// each claiming its own rows as a second worker would, so one batch's queries overlap another's round trips and commit.
    /// </summary>
    public async Task<int> ProcessDueAsync(DateOnly today, CancellationToken ct)
    {
        var counts = await Task.WhenAll(Enumerable.Range(0, ConcurrentBatches).Select(_ => ProcessBatchesAsync(today, ct)));
        return counts.Sum();
    }

    /// <summary>Claims and advances batches until a claim comes back short (the rest is done, or in another batch's hands).</summary>
    private async Task<int> ProcessBatchesAsync(DateOnly today, CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var advanced = await ProcessBatchAsync(today, ct);
            total += advanced;
            if (advanced < BatchSize) return total;
        }
    }

    private async Task<int> ProcessBatchAsync(DateOnly today, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var claimed = await ClaimDueAsync(connection, tx, today, ct);
        if (claimed.Count == 0) return 0;

        var facts = await CaseFactsQuery.LoadAsync(connection, tx, claimed.Select(c => c.CaseId).ToList(), today, ct);
        var advances = new List<InstanceAdvance>(claimed.Count);
        var refused = new List<long>();
        foreach (var instance in claimed)
        {
            var definition = await definitions.GetAsync(instance.DefinitionId, ct);
            WorkflowTrigger trigger = instance.State.Status == WorkflowStatus.NotStarted ? new WorkflowTrigger.Start() : new WorkflowTrigger.TimerDue();
            var state = instance.State.Status == WorkflowStatus.NotStarted ? WorkflowInstanceState.New(definition) : instance.State;
            var result = engine.Advance(definition, state, facts[instance.CaseId], today, trigger);
            if (result.Refused) refused.Add(instance.InstanceId);
            else advances.Add(new InstanceAdvance(instance.InstanceId, instance.CaseId, instance.DefinitionId, instance.RowVersion, trigger, result, Actor));
        }
        await InstanceStore.SaveAsync(connection, tx, advances, today, ct);
        await ParkRefusedAsync(connection, tx, refused, ct);
        await tx.CommitAsync(ct);
        return claimed.Count;
    }

    private static async Task<List<ClaimedInstance>> ClaimDueAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DateOnly today, CancellationToken ct)
    {
        await using var claim = new NpgsqlCommand(
            """
            SELECT id, case_id, definition_id, row_version, status, state::text FROM workflow_instances
            WHERE wake_on <= @today AND status IN ('not-started', 'waiting')
            ORDER BY wake_on, id LIMIT @limit
            FOR UPDATE SKIP LOCKED
            """, connection, tx);
        claim.Parameters.AddWithValue("today", today);
        claim.Parameters.AddWithValue("limit", BatchSize);
        var claimed = new List<ClaimedInstance>();
        await using var reader = await claim.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var state = reader.GetString(4) == "not-started"
                ? new WorkflowInstanceState { DefinitionId = "", DefinitionVersion = 0, Status = WorkflowStatus.NotStarted }
                : InstanceStateJson.Deserialize(reader.GetString(5));
            claimed.Add(new ClaimedInstance(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), state));
        }
        return claimed;
    }

    /// <summary>A timer the engine refused (its state says it is not due) is taken off the due list and parked as an incident.</summary>
    private static async Task ParkRefusedAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<long> refused, CancellationToken ct)
    {
        if (refused.Count == 0) return;
        await using var park = new NpgsqlCommand(
            """
            UPDATE workflow_instances SET wake_on = NULL WHERE id = ANY(@ids);
            INSERT INTO workflow_incidents (instance_id, step_id, error, attempts)
            SELECT id, current_step, 'De timer ging af, maar de workflow wachtte niet op een timer.', 1
            FROM workflow_instances WHERE id = ANY(@ids);
            """, connection, tx);
        park.Parameters.AddWithValue("ids", refused.ToArray());
        await park.ExecuteNonQueryAsync(ct);
    }
}
