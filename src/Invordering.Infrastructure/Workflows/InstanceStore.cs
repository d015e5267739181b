using System.Data;
using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Workflows;
using MassTransit;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Workflows;

/// <summary>
/// Saves advanced instances in the caller's transaction, set-based: the new states (guarded by
/// row_version), the journal, the effects as outbox messages, closed cases, switches and incidents.
/// </summary>
public static class InstanceStore
{
    public static async Task SaveAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<InstanceAdvance> advances,
        DateOnly today, CancellationToken ct)
    {
        if (advances.Count == 0) return;
        await UpdateInstancesAsync(connection, tx, advances, ct);
        await AppendJournalAsync(connection, tx, advances, today, ct);
        await WriteOutboxAsync(connection, tx, advances, today, ct);
        await CloseCasesAsync(connection, tx, advances, today, ct);
        await RecordIncidentsAsync(connection, tx, advances, ct);
        foreach (var advance in advances)
            foreach (var effect in advance.Result.Effects.OfType<SwitchWorkflowEffect>())
                await SwitchAsync(connection, tx, advance.InstanceId, advance.CaseId, effect.WorkflowId, effect.Segment, today, ct);
    }

    private static async Task UpdateInstancesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<InstanceAdvance> advances, CancellationToken ct)
    {
        await using var update = new NpgsqlCommand(
            """
            UPDATE workflow_instances w
            SET current_step = u.step, status = u.status, wake_on = u.wake, state = u.state::jsonb,
                row_version = w.row_version + 1, updated_at = now()
            FROM unnest(@ids, @versions, @steps, @statuses, @wakes, @states) AS u(id, version, step, status, wake, state)
            WHERE w.id = u.id AND w.row_version = u.version
            """, connection, tx);
        update.Parameters.AddWithValue("ids", advances.Select(a => a.InstanceId).ToArray());
        update.Parameters.AddWithValue("versions", advances.Select(a => a.RowVersion).ToArray());
        update.Parameters.AddWithValue("steps", advances.Select(a => a.Result.State.CurrentStepId ?? "").ToArray());
        update.Parameters.AddWithValue("statuses", advances.Select(a => InstanceStateJson.StatusColumn(a.Result.State.Status)).ToArray());
        update.Parameters.Add(new NpgsqlParameter("wakes", NpgsqlDbType.Array | NpgsqlDbType.Date)
        {
            Value = advances.Select(a => a.Result.State.Status == WorkflowStatus.Waiting ? (object?)a.Result.State.WakeUp : null).ToArray(),
        });
        update.Parameters.AddWithValue("states", advances.Select(a => InstanceStateJson.Serialize(a.Result.State)).ToArray());
        var updated = await update.ExecuteNonQueryAsync(ct);
        if (updated != advances.Count)
            throw new DBConcurrencyException($"{advances.Count - updated} workflow instance(s) changed meanwhile; the advance is retried.");
    }

    private static async Task AppendJournalAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<InstanceAdvance> advances,
        DateOnly today, CancellationToken ct)
    {
        var rows = advances.SelectMany(a => a.Result.Journal.Select(j => (Advance: a, Entry: j))).ToList();
        if (rows.Count == 0) return;
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO workflow_journal (case_id, instance_id, occurred_on, kind, step_id, actor, reason, data)
            SELECT u.case_id, u.instance_id, u.occurred_on, u.kind, nullif(u.step_id, ''), u.actor, u.reason, u.data::jsonb
            FROM unnest(@cases, @instances, @dates, @kinds, @steps, @actors, @reasons, @data)
                 AS u(case_id, instance_id, occurred_on, kind, step_id, actor, reason, data)
            """, connection, tx);
        insert.Parameters.AddWithValue("cases", rows.Select(r => r.Advance.CaseId).ToArray());
        insert.Parameters.AddWithValue("instances", rows.Select(r => r.Advance.InstanceId).ToArray());
        insert.Parameters.AddWithValue("dates", rows.Select(r => r.Entry.Date).ToArray());
        insert.Parameters.AddWithValue("kinds", rows.Select(r => r.Entry.Kind.ToSlug()).ToArray());
        insert.Parameters.AddWithValue("steps", rows.Select(r => r.Entry.StepId ?? "").ToArray());
        insert.Parameters.AddWithValue("actors", rows.Select(r => r.Advance.Actor).ToArray());
        insert.Parameters.AddWithValue("reasons", rows.Select(r => r.Entry.Reason).ToArray());
        insert.Parameters.AddWithValue("data", rows.Select(r => r.Entry.FactsSeen is null && r.Entry.Rule is null
            ? "null"
            : InstanceStateJson.Serialize(new { factsSeen = r.Entry.FactsSeen?.ToDictionary(f => f.Key, f => f.Value.ToString()), rule = r.Entry.Rule })).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static Task WriteOutboxAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<InstanceAdvance> advances,
        DateOnly today, CancellationToken ct) =>
        Outbox.AddAsync(connection, tx, advances.SelectMany(a => a.Result.Effects.Select(e => ToMessage(a, e, today))).OfType<object>().ToList(), ct);

    /// <summary>The command an effect asks of the services that do the work; null for effects handled here.</summary>
    private static object? ToMessage(InstanceAdvance a, WorkflowEffect effect, DateOnly today) => effect switch
    {
        IssueLetterEffect letter => new IssueLetter(NewId.NextGuid(), a.CaseId, a.InstanceId, letter.TemplateCode, letter.CostKind?.ToSlug(), letter.CostReason, today, letter.PayBy),
        CreateTaskEffect task => new CreateFieldTask(NewId.NextGuid(), a.CaseId, a.InstanceId, task.StepId, task.Kind.ToSlug(), task.DueDate),
        CancelTaskEffect cancel => new CancelFieldTask(NewId.NextGuid(), a.CaseId, cancel.StepId),
        SeizureOrderEffect order => new SendSeizureOrder(NewId.NextGuid(), a.CaseId, a.InstanceId, order.StepId),
        RecallSeizureOrderEffect => new RecallSeizureOrder(NewId.NextGuid(), a.CaseId),
        _ => null,
    };

    private static async Task CloseCasesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<InstanceAdvance> advances,
        DateOnly today, CancellationToken ct)
    {
        var closed = advances.SelectMany(a => a.Result.Effects.OfType<CompleteCaseEffect>().Select(e => (a.CaseId, Outcome: e.Outcome.ToSlug()))).ToList();
        if (closed.Count == 0) return;
        await using var update = new NpgsqlCommand(
            """
            UPDATE collection_cases c SET status = 'closed', outcome = u.outcome, closed_on = @today
            FROM unnest(@cases, @outcomes) AS u(case_id, outcome) WHERE c.id = u.case_id
            """, connection, tx);
        update.Parameters.AddWithValue("today", today);
        update.Parameters.AddWithValue("cases", closed.Select(c => c.CaseId).ToArray());
        update.Parameters.AddWithValue("outcomes", closed.Select(c => c.Outcome).ToArray());
        await update.ExecuteNonQueryAsync(ct);
    }

    private static async Task RecordIncidentsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<InstanceAdvance> advances, CancellationToken ct)
    {
        var failed = advances.Where(a => a.Result.Error is not null && a.Result.State.Status == WorkflowStatus.Failed).ToList();
        foreach (var advance in failed)
        {
            await using var insert = new NpgsqlCommand(
                "INSERT INTO workflow_incidents (instance_id, step_id, error, attempts) VALUES (@instance, @step, @error, 1)", connection, tx);
            insert.Parameters.AddWithValue("instance", advance.InstanceId);
            insert.Parameters.AddWithValue("step", advance.Result.Error!.StepId ?? advance.Result.State.CurrentStepId ?? "");
            insert.Parameters.AddWithValue("error", advance.Result.Error.Message);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>
    /// Ends this instance as 'switched' and starts the target workflow's published version for the case: the workflow
    /// <paramref name="workflowId"/>, or else the published workflow of <paramref name="segment"/> (which becomes the case's segment).
    /// Also used when a person re-segments a debtor; the caller holds the instance's row lock.
    /// </summary>
    public static async Task SwitchAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long instanceId, long caseId,
        string? workflowId, string? segment, DateOnly today, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            """
            UPDATE workflow_instances SET status = 'switched', wake_on = NULL WHERE id = @instance;
            UPDATE collection_cases SET segment = coalesce(@segment, segment) WHERE id = @case;
            INSERT INTO workflow_instances (case_id, definition_id, current_step, status, wake_on)
            SELECT @case, d.id, '', 'not-started', @today
            FROM workflow_definitions d
            WHERE d.status = 'published' AND (d.workflow_id = @workflow OR (@workflow IS NULL AND d.segment = @segment))
            ORDER BY d.workflow_id = coalesce(@workflow, @segment) DESC, d.id
            LIMIT 1;
            """, connection, tx);
        command.Parameters.AddWithValue("instance", instanceId);
        command.Parameters.AddWithValue("case", caseId);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.Add(new NpgsqlParameter("workflow", NpgsqlDbType.Text) { Value = (object?)workflowId ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("segment", NpgsqlDbType.Text) { Value = (object?)segment ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(ct);
    }
}
