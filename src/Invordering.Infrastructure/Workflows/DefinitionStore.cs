using System.Collections.Concurrent;
using Invordering.Workflows;
using Npgsql;

namespace Invordering.Infrastructure.Workflows;

/// <summary>Workflow definitions by their stored id; a stored version never changes, so they are cached for good.</summary>
public sealed class DefinitionStore(NpgsqlDataSource dataSource)
{
    private readonly ConcurrentDictionary<long, WorkflowDefinition> _byId = new();
    private readonly WorkflowDefinitionLoader _loader = new();

    public async Task<WorkflowDefinition> GetAsync(long definitionId, CancellationToken ct)
    {
        if (_byId.TryGetValue(definitionId, out var cached)) return cached;
        await using var command = dataSource.CreateCommand("SELECT definition::text, version FROM workflow_definitions WHERE id = @id");
        command.Parameters.AddWithValue("id", definitionId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        if (!await reader.ReadAsync(ct)) throw new InvalidOperationException($"Workflow definition {definitionId} does not exist.");
        var definition = _loader.Load(reader.GetString(0), reader.GetInt32(1));
        return _byId.GetOrAdd(definitionId, definition);
    }
}
