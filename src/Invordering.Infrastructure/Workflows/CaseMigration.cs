using Invordering.Workflows;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Workflows;

/// <summary>How many running cases stand on one step of a version.</summary>
public sealed record RunningStep(string StepId, int Cases);

/// <summary>
/// Moves the running cases of one workflow version to a published version of the same workflow along an explicit
/// step mapping, through <see cref="MigrationPlanner"/>: first a dry run (cases per step, timers that move, what
/// blocks it), then the move itself: the instances locked, one UPDATE over all of them and one journal INSERT, in
/// one transaction with its audit row. Cases that have not started yet simply start on the new version.
/// </summary>
public sealed class CaseMigration(NpgsqlDataSource dataSource, IWorkingDays workingDays, TimeProvider time)
{
    private const string Running = "i.status NOT IN ('completed', 'failed', 'switched')";

    private readonly WorkflowDefinitionLoader _loader = new();

    /// <summary>The steps of a version that running cases stand on ('' for cases not started yet), with how many.</summary>
    public async Task<IReadOnlyList<RunningStep>> RunningStepsAsync(string workflowId, int version, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            $"""
            SELECT i.current_step, count(*)::int FROM workflow_instances i JOIN workflow_definitions d ON d.id = i.definition_id
            WHERE d.workflow_id = @workflow AND d.version = @version AND {Running}
            GROUP BY i.current_step ORDER BY i.current_step
            """);
        command.Parameters.AddWithValue("workflow", workflowId);
        command.Parameters.AddWithValue("version", version);
        var steps = new List<RunningStep>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) steps.Add(new RunningStep(reader.GetString(0), reader.GetInt32(1)));
        return steps;
    }

    /// <summary>What moving the running cases of <paramref name="fromVersion"/> to <paramref name="toVersion"/> would do; changes nothing.</summary>
    public async Task<MigrationReport> DryRunAsync(string workflowId, int fromVersion, int toVersion, IReadOnlyDictionary<string, string> mapping,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var (plan, fromId, _) = await PlanAsync(connection, null, workflowId, fromVersion, toVersion, mapping, ct);
        var instances = await RunningAsync(connection, null, fromId, plan.From, lockRows: false, ct);
        return new MigrationPlanner(workingDays).DryRun(plan, instances);
    }

    /// <summary>
    /// Moves the running cases; throws <see cref="WorkflowVersionException"/> with the planner's reasons when the
    /// dry run finds a blocker. Returns how many instances moved.
    /// </summary>
    public async Task<int> ApplyAsync(string workflowId, int fromVersion, int toVersion, IReadOnlyDictionary<string, string> mapping, string actor,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var today = await ServiceClock.TodayAsync(dataSource, time, ct);
        var (plan, fromId, toId) = await PlanAsync(connection, tx, workflowId, fromVersion, toVersion, mapping, ct);
        var instances = await RunningAsync(connection, tx, fromId, plan.From, lockRows: true, ct);
        var planner = new MigrationPlanner(workingDays);
        var report = planner.DryRun(plan, instances);
        if (!report.CanApply) throw new WorkflowVersionException("De zaken zijn niet overgezet: " + string.Join(" ", report.Errors.Select(e => e.Message)));

        var migrated = planner.Apply(plan, instances, today);
        await MoveAsync(connection, tx, migrated, toId, actor, ct);
        await AuditAsync(connection, tx, actor, WorkflowVersions.Key(workflowId, toVersion), new
        {
            from = fromVersion, to = toVersion, cases = migrated.Count, mapping,
            steps = report.Steps.Select(s => new { s.FromStepId, s.ToStepId, s.Instances }),
            timers = report.TimerChanges.Count,
        }, ct);
        await tx.CommitAsync(ct);
        return migrated.Count;
    }

    private async Task<(MigrationPlan Plan, long FromId, long ToId)> PlanAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string workflowId,
        int fromVersion, int toVersion, IReadOnlyDictionary<string, string> mapping, CancellationToken ct)
    {
        var (fromId, from, _) = await VersionAsync(connection, tx, workflowId, fromVersion, ct);
        var (toId, to, toStatus) = await VersionAsync(connection, tx, workflowId, toVersion, ct);
        if (toStatus != "published")
            throw new WorkflowVersionException($"Zaken gaan alleen naar een gepubliceerde versie; versie {toVersion} is dat niet.");
        var usable = mapping.Where(m => !string.IsNullOrEmpty(m.Value)).ToDictionary(m => m.Key, m => m.Value);
        return (new MigrationPlan(from, to, usable), fromId, toId);
    }

    private async Task<(long Id, WorkflowDefinition Definition, string Status)> VersionAsync(NpgsqlConnection connection, NpgsqlTransaction? tx,
        string workflowId, int version, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "SELECT id, definition::text, status FROM workflow_definitions WHERE workflow_id = @workflow AND version = @version", connection, tx);
        command.Parameters.AddWithValue("workflow", workflowId);
        command.Parameters.AddWithValue("version", version);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new WorkflowVersionException($"Versie {version} van workflow '{workflowId}' bestaat niet.");
        return (reader.GetInt64(0), _loader.Load(reader.GetString(1), version), reader.GetString(2));
    }

    /// <summary>The running instances of a version; a case not started yet has no state of its own and counts as version <paramref name="from"/>, not started.</summary>
    private static async Task<List<RunningInstance>> RunningAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, long definitionId,
        WorkflowDefinition from, bool lockRows, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT i.id, i.status, i.state::text FROM workflow_instances i WHERE i.definition_id = @definition AND {Running} ORDER BY i.id"
            + (lockRows ? " FOR UPDATE" : ""), connection, tx);
        command.Parameters.AddWithValue("definition", definitionId);
        var instances = new List<RunningInstance>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            var state = reader.GetString(1) == "not-started"
                ? WorkflowInstanceState.New(from)
                : InstanceStateJson.Deserialize(reader.GetString(2));
            instances.Add(new RunningInstance(InstanceIdOf(reader.GetInt64(0)), state));
        }

        return instances;
    }

    /// <summary>One UPDATE over every moved instance (a not-started one only changes version) and one INSERT of their journal lines.</summary>
    private static async Task MoveAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyList<MigratedInstance> migrated, long toId,
        string actor, CancellationToken ct)
    {
        if (migrated.Count == 0) return;
        await using var command = new NpgsqlCommand(
            """
            WITH moved AS (
                UPDATE workflow_instances w
                SET definition_id = @to,
                    current_step = CASE WHEN w.status = 'not-started' THEN w.current_step ELSE u.step END,
                    wake_on = CASE WHEN w.status IN ('not-started', 'waiting') THEN coalesce(u.wake, w.wake_on) ELSE w.wake_on END,
                    state = CASE WHEN w.status = 'not-started' THEN w.state ELSE u.state::jsonb END,
                    row_version = w.row_version + 1, updated_at = now()
                FROM unnest(@ids, @steps, @wakes, @states, @dates, @reasons) AS u(id, step, wake, state, occurred_on, reason)
                WHERE w.id = u.id
                RETURNING w.id, w.case_id, w.status, u.step, u.occurred_on, u.reason
            )
            INSERT INTO workflow_journal (case_id, instance_id, occurred_on, kind, step_id, actor, reason)
            SELECT m.case_id, m.id, m.occurred_on, 'migrated', CASE WHEN m.status = 'not-started' THEN NULL ELSE nullif(m.step, '') END, @actor,
                   CASE WHEN m.status = 'not-started' THEN 'Start op een nieuwere versie: ' || m.reason ELSE m.reason END
            FROM moved m
            """, connection, tx);
        command.Parameters.AddWithValue("to", toId);
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("ids", migrated.Select(m => IdOf(m.InstanceId)).ToArray());
        command.Parameters.AddWithValue("steps", migrated.Select(m => m.State.CurrentStepId ?? "").ToArray());
        command.Parameters.Add(new NpgsqlParameter("wakes", NpgsqlDbType.Array | NpgsqlDbType.Date)
        {
            Value = migrated.Select(m => m.State.Status == WorkflowStatus.Waiting ? (object?)m.State.WakeUp : null).ToArray(),
        });
        command.Parameters.AddWithValue("states", migrated.Select(m => InstanceStateJson.Serialize(m.State)).ToArray());
        command.Parameters.AddWithValue("dates", migrated.Select(m => m.Journal.Date).ToArray());
        command.Parameters.AddWithValue("reasons", migrated.Select(m => m.Journal.Reason).ToArray());
        var moved = await command.ExecuteNonQueryAsync(ct);
        if (moved != migrated.Count) throw new InvalidOperationException($"{migrated.Count - moved} instances were not moved.");
    }

    /// <summary>The audit row of the move, in the move's own transaction: no move without its row.</summary>
    private static async Task AuditAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string actor, string entityId, object details,
        CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO audit_log (actor, action, entity, entity_id, details) VALUES (@actor, 'workflow-cases-migrated', @entity, @id, @details::jsonb)",
            connection, tx);
        command.Parameters.AddWithValue("actor", actor);
        command.Parameters.AddWithValue("entity", WorkflowVersions.Entity);
        command.Parameters.AddWithValue("id", entityId);
        command.Parameters.AddWithValue("details", System.Text.Json.JsonSerializer.Serialize(details, System.Text.Json.JsonSerializerOptions.Web));
        await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The planner names instances by Guid; the table by bigint. The id travels in the Guid's last eight bytes.</summary>
    private static Guid InstanceIdOf(long id)
    {
        var bytes = new byte[16];
        BitConverter.GetBytes(id).CopyTo(bytes, 8);
        return new Guid(bytes);
    }

    private static long IdOf(Guid instanceId) => BitConverter.ToInt64(instanceId.ToByteArray(), 8);
}
