using System.Text.Json;
using System.Text.Json.Serialization;
using Invordering.Workflows;

namespace Invordering.Infrastructure.Workflows;

/// <summary>How an instance's state is kept in workflow_instances.state, and its status column.</summary>
public static class InstanceStateJson
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };

    public static string Serialize(WorkflowInstanceState state) => JsonSerializer.Serialize(state, Options);

    public static WorkflowInstanceState Deserialize(string json) =>
        JsonSerializer.Deserialize<WorkflowInstanceState>(json, Options) ?? throw new InvalidOperationException("Empty workflow state.");

    /// <summary>The status column: kebab-case of the engine's status ("waiting-for-task", ...).</summary>
    public static string StatusColumn(WorkflowStatus status) => JsonNamingPolicy.KebabCaseLower.ConvertName(status.ToString());

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
