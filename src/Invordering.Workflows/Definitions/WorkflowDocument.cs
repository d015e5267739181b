using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Invordering.Workflows;

/// <summary>
/// A definition as the JSON text of the workflows/ file format, for editing: one step replaced or removed, and the
/// file written in its usual order (header, steps from the start onwards, events) for export and display.
/// </summary>
public static class WorkflowDocument
{
    /// <summary>The schema reference every shipped file starts with.</summary>
    public const string SchemaReference = "./workflow.schema.json";

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>The steps of <paramref name="definition"/> in the order a reader follows them: breadth-first from the start, then any step not reached.</summary>
    public static IReadOnlyList<string> StepOrder(WorkflowDefinition definition)
    {
        var order = new List<string>();
        var queue = new Queue<string>();
        if (definition.Steps.ContainsKey(definition.StartStepId)) queue.Enqueue(definition.StartStepId);
        while (queue.TryDequeue(out var id))
        {
            if (order.Contains(id)) continue;
            order.Add(id);
            foreach (var next in definition.Steps[id].Transitions().Select(t => t.Target).Where(definition.Steps.ContainsKey))
            {
                queue.Enqueue(next);
            }
        }

        order.AddRange(definition.Steps.Keys.Where(id => !order.Contains(id)));
        return order;
    }

    /// <summary>
    /// The file text of <paramref name="json"/> (which <paramref name="definition"/> was loaded from) in the usual order,
    /// indented, with the schema reference; what export writes.
    /// </summary>
    public static string Format(string json, WorkflowDefinition definition)
    {
        var source = Root(json);
        var file = new JsonObject { ["$schema"] = SchemaReference };
        foreach (var name in new[] { "id", "title", "segment", "start" })
        {
            file[name] = source[name]?.DeepClone();
        }

        var steps = source["steps"]!.AsObject();
        var ordered = new JsonObject();
        foreach (var id in StepOrder(definition))
        {
            ordered[id] = steps[id]?.DeepClone();
        }

        file["steps"] = ordered;
        if (source["events"] is { } events)
        {
            file["events"] = events.DeepClone();
        }

        return file.ToJsonString(Indented) + "\n";
    }

    /// <summary>The JSON of step <paramref name="stepId"/> in <paramref name="json"/>, or null.</summary>
    public static JsonObject? Step(string json, string stepId) => Root(json)["steps"]?[stepId] as JsonObject;

    /// <summary><paramref name="json"/> with step <paramref name="stepId"/> set to <paramref name="step"/> (added at the end when new).</summary>
    public static string WithStep(string json, string stepId, JsonObject step)
    {
        var root = Root(json);
        var steps = root["steps"] as JsonObject ?? throw MissingSteps();
        steps[stepId] = step;
        return root.ToJsonString(Indented);
    }

    /// <summary><paramref name="json"/> without step <paramref name="stepId"/>.</summary>
    public static string WithoutStep(string json, string stepId)
    {
        var root = Root(json);
        (root["steps"] as JsonObject ?? throw MissingSteps()).Remove(stepId);
        return root.ToJsonString(Indented);
    }

    /// <summary>The top-level object of <paramref name="json"/>; a Dutch error when it is not JSON or not an object.</summary>
    public static JsonObject Root(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject
                ?? throw new WorkflowDefinitionException([new ValidationError(null, "geen-object", "Een workflow is een JSON-object.")]);
        }
        catch (JsonException ex)
        {
            throw new WorkflowDefinitionException(
            [
                new ValidationError(null, "geen-json",
                    $"Het bestand is geen geldige JSON (regel {ex.LineNumber + 1}, positie {ex.BytePositionInLine + 1})."),
            ]);
        }
    }

    private static WorkflowDefinitionException MissingSteps() =>
        new([new ValidationError(null, "verplicht-veld", "Verplicht veld 'steps' ontbreekt.")]);
}
