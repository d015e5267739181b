using System.Text.Json;

namespace Invordering.Workflows;

/// <summary>
/// Reads workflow definition files strictly: unknown fields, unknown step types, missing required fields and
/// values of the wrong kind are all errors, reported together with the step they are in.
/// </summary>
public sealed class WorkflowDefinitionLoader
{
    private readonly StepTypeRegistry registry;

    /// <summary>A loader for the built-in step types.</summary>
    public WorkflowDefinitionLoader() : this(StepTypeRegistry.CreateDefault())
    {
    }

    /// <summary>A loader for the step types in <paramref name="registry"/>.</summary>
    public WorkflowDefinitionLoader(StepTypeRegistry registry) => this.registry = registry;

    /// <summary>Reads the definition file at <paramref name="path"/> as version <paramref name="version"/>.</summary>
    public WorkflowDefinition LoadFile(string path, int version) => Load(File.ReadAllText(path), version);

    /// <summary>Reads a definition from <paramref name="json"/> as version <paramref name="version"/>; throws <see cref="WorkflowDefinitionException"/> listing every problem.</summary>
    public WorkflowDefinition Load(string json, int version)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new WorkflowDefinitionException(
            [
                new ValidationError(null, "geen-json",
                    $"Het bestand is geen geldige JSON (regel {ex.LineNumber + 1}, positie {ex.BytePositionInLine + 1})."),
            ]);
        }

        using (document)
        {
            var errors = FindDuplicates(document.RootElement, "").ToList();
            var file = ReadObject<WorkflowFile>(document.RootElement, null, "", errors);
            if (file is null)
            {
                throw new WorkflowDefinitionException(errors);
            }

            var steps = ReadSteps(file.Steps, errors);
            var events = ReadEvents(file.Events, errors);
            if (errors.Count > 0)
            {
                throw new WorkflowDefinitionException(errors);
            }

            return new WorkflowDefinition
            {
                Id = file.Id,
                Version = version,
                Title = file.Title,
                Segment = file.Segment,
                StartStepId = file.Start,
                Steps = steps,
                Events = events,
            };
        }
    }

    private Dictionary<string, WorkflowStep> ReadSteps(JsonElement element, List<ValidationError> errors)
    {
        var steps = new Dictionary<string, WorkflowStep>();
        foreach (var (id, body) in Members(element, "steps", errors))
        {
            if (!steps.ContainsKey(id) && ReadStep(id, body, errors) is { } step)
            {
                steps[id] = step;
            }
        }

        return steps;
    }

    private WorkflowStep? ReadStep(string id, JsonElement body, List<ValidationError> errors)
    {
        var prefix = $"Stap '{id}': ";
        if (body.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(id, "ongeldige-stap", prefix + "een stap is een object."));
            return null;
        }

        if (!body.TryGetProperty("type", out var typeElement) || typeElement.ValueKind != JsonValueKind.String)
        {
            errors.Add(new ValidationError(id, "type-ontbreekt", prefix + "het veld 'type' ontbreekt."));
            return null;
        }

        var typeName = typeElement.GetString()!;
        if (registry.Find(typeName) is not { } type)
        {
            errors.Add(new ValidationError(id, "onbekend-staptype",
                prefix + $"onbekend staptype '{typeName}'; bekende typen: {string.Join(", ", registry.Names)}."));
            return null;
        }

        var parameters = body.EnumerateObject().Where(p => p.Name != "type").ToDictionary(p => p.Name, p => p.Value);
        var withoutType = JsonSerializer.SerializeToElement(parameters);
        return (WorkflowStep?)ReadObject(withoutType, type, id, prefix, errors);
    }

    private static Dictionary<string, EventHandlerDefinition> ReadEvents(JsonElement? element, List<ValidationError> errors)
    {
        var events = new Dictionary<string, EventHandlerDefinition>();
        if (element is null)
        {
            return events;
        }

        foreach (var (name, body) in Members(element.Value, "events", errors))
        {
            var prefix = $"Gebeurtenis '{name}': ";
            if (!events.ContainsKey(name) && ReadObject<EventHandlerDefinition>(body, null, prefix, errors) is { } handler)
            {
                events[name] = handler;
            }
        }

        return events;
    }

    /// <summary>Names that occur twice in one object anywhere in the file (JSON allows it; a definition may not).</summary>
    private static IEnumerable<ValidationError> FindDuplicates(JsonElement element, string path)
    {
        var children = element.ValueKind switch
        {
            JsonValueKind.Object => element.EnumerateObject().Select(p => (Path: $"{path}.{p.Name}".TrimStart('.'), p.Value)).ToList(),
            JsonValueKind.Array => element.EnumerateArray().Select((v, i) => (Path: $"{path}[{i}]", Value: v)).ToList(),
            _ => [],
        };

        if (element.ValueKind == JsonValueKind.Object)
        {
            foreach (var name in element.EnumerateObject().GroupBy(p => p.Name).Where(g => g.Count() > 1).Select(g => g.Key))
            {
                yield return path == "steps"
                    ? ValidationError.ForStep(name, "dubbele-stap", "deze stap-id staat er meer dan eens.")
                    : new ValidationError(null, "dubbel-veld", $"Veld '{name}' staat er meer dan eens{(path == "" ? "" : $" (in '{path}')")}.");
            }
        }

        foreach (var error in children.SelectMany(child => FindDuplicates(child.Value, child.Path)))
        {
            yield return error;
        }
    }

    private static IEnumerable<(string Name, JsonElement Value)> Members(JsonElement element, string field, List<ValidationError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(null, "ongeldig-veld", $"Het veld '{field}' moet een object zijn."));
            return [];
        }

        return element.EnumerateObject().Select(p => (p.Name, p.Value)).ToList();
    }

    private static T? ReadObject<T>(JsonElement element, string? stepId, string prefix, List<ValidationError> errors)
        where T : class => (T?)ReadObject(element, typeof(T), stepId, prefix, errors);

    /// <summary>Reads one object strictly, turning every shape problem into a Dutch error with <paramref name="prefix"/>.</summary>
    private static object? ReadObject(JsonElement element, Type type, string? stepId, string prefix, List<ValidationError> errors)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new ValidationError(stepId, "ongeldig-object", prefix + "verwacht een object."));
            return null;
        }

        var known = WorkflowJson.PropertiesOf(type);
        var present = element.EnumerateObject().Select(p => p.Name).ToList();
        var count = errors.Count;
        foreach (var name in present.Where(n => known.All(k => k.Name != n)).Distinct())
        {
            errors.Add(new ValidationError(stepId, "onbekend-veld",
                prefix + $"onbekend veld '{name}'; toegestaan: {string.Join(", ", known.Select(k => k.Name))}."));
        }

        foreach (var (name, _) in known.Where(k => k.Required && !present.Contains(k.Name)))
        {
            errors.Add(new ValidationError(stepId, "verplicht-veld", prefix + $"verplicht veld '{name}' ontbreekt."));
        }

        if (errors.Count > count)
        {
            return null;
        }

        try
        {
            return element.Deserialize(type, WorkflowJson.Options);
        }
        catch (JsonException ex)
        {
            var field = ex.Path is { Length: > 2 } path ? path[2..] : "?";
            var detail = ex is WorkflowFormatException ? $" {ex.Message}" : "";
            errors.Add(new ValidationError(stepId, "ongeldige-waarde", prefix + $"veld '{field}' heeft een ongeldige waarde.{detail}"));
            return null;
        }
    }

    /// <summary>The top level of a definition file.</summary>
    private sealed class WorkflowFile
    {
        [System.Text.Json.Serialization.JsonPropertyName("$schema")]
        public string? Schema { get; init; }

        public required string Id { get; init; }

        public required string Title { get; init; }

        public required string Segment { get; init; }

        public required string Start { get; init; }

        public required JsonElement Steps { get; init; }

        public JsonElement? Events { get; init; }
    }
}
