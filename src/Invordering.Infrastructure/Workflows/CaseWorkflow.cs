using Invordering.Workflows;
using Npgsql;

namespace Invordering.Infrastructure.Workflows;

/// <summary>Moves one case's active workflow on a trigger (an event, a task outcome, a bailiff result), in the caller's transaction.</summary>
public sealed class CaseWorkflow(DefinitionStore definitions, WorkflowEngine engine)
{
    /// <summary>Advances the case's active instance; null when the case has none. A refused trigger changes nothing.</summary>
    public async Task<AdvanceResult?> AdvanceAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long caseId, WorkflowTrigger trigger,
        DateOnly today, string actor, CancellationToken ct)
    {
        ClaimedInstance? instance;
        await using (var select = new NpgsqlCommand(
            """
            SELECT id, case_id, definition_id, row_version, state::text FROM workflow_instances
            WHERE case_id = @case AND status NOT IN ('completed', 'switched', 'not-started')
            FOR UPDATE
            """, connection, tx))
        {
            select.Parameters.AddWithValue("case", caseId);
            await using var reader = await select.ExecuteReaderAsync(ct);
            instance = await reader.ReadAsync(ct)
                ? new ClaimedInstance(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt32(3), InstanceStateJson.Deserialize(reader.GetString(4)))
                : null;
        }
        if (instance is null) return null;

        var definition = await definitions.GetAsync(instance.DefinitionId, ct);
        var facts = await CaseFactsQuery.LoadAsync(connection, tx, [caseId], today, ct);
        var result = engine.Advance(definition, instance.State, facts[caseId], today, trigger);
        if (!result.Refused)
            await InstanceStore.SaveAsync(connection, tx,
                [new InstanceAdvance(instance.InstanceId, caseId, instance.DefinitionId, instance.RowVersion, trigger, result, actor)], today, ct);
        return result;
    }
}
