using System.Collections.Concurrent;
using Invordering.Workflows;
using Npgsql;

namespace Invordering.Infrastructure.Workflows;

/// <summary>
/// Workflow definitions by their stored id. A published or retired version never changes, so it is cached for good; a draft
/// is edited in place until it is published, so it is read anew each time.
/// </summary>
public sealed class DefinitionStore(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<long, WorkflowDefinition> _byId = new();
    private readonly WorkflowDefinitionLoader _loader = new();

    public async Task<WorkflowDefinition> GetAsync(long definitionId, CancellationToken ct)
    {
        if (_byId.TryGetValue(definitionId, out var cached)) return cached;
        await using var command = dataSource.CreateCommand("SELECT definition::text, version, status FROM workflow_definitions WHERE id = @id");
        command.Parameters.AddWithValue("id", definitionId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"Workflow definition {definitionId} does not exist.");
        var definition = _loader.Load(reader.GetString(0), reader.GetInt32(1));
        return reader.GetString(2) == "draft" ? definition : _byId.GetOrAdd(definitionId, definition);
    }

    /// <summary>The stored versions of workflow <paramref name="workflowId"/>, oldest first; empty when there is no such workflow.</summary>
    public async Task<IReadOnlyList<StoredVersion>> VersionsAsync(string workflowId, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT id, version, status FROM workflow_definitions WHERE workflow_id = @workflow ORDER BY version");
        command.Parameters.AddWithValue("workflow", workflowId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var versions = new List<StoredVersion>();
        while (await reader.ReadAsync(ct))
            versions.Add(new StoredVersion(reader.GetInt64(0), reader.GetInt32(1), EnumSlugExtensions.FromSlug<DefinitionStatus>(reader.GetString(2))!.Value));
        return versions;
    }

    /// <summary>The ids of every stored workflow, such as <c>kan-en-wil</c>, in alphabetical order.</summary>
    public async Task<IReadOnlyList<string>> WorkflowIdsAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT workflow_id FROM workflow_definitions ORDER BY 1");
        await using var reader = await command.ExecuteReaderAsync(ct);
        var ids = new List<string>();
        while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        return ids;
    }
}

/// <summary>One stored version of a workflow: its row id, version number and status.</summary>
public sealed record StoredVersion(long Id, int Version, DefinitionStatus Status);
