using System.Text.Json;
using System.Text.Json.Nodes;
using Invordering.Workflows;
using Invordering.Workflows.Tests.Support;

namespace Invordering.Workflows.Tests;

/// <summary>
/// No JSON Schema validator package resolves here, so these tests keep the schema (documentation for editors)
/// and the loader (which enforces the shape) from drifting apart.
/// </summary>
public sealed class SchemaTests
{
    private static readonly JsonNode Schema = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "workflow.schema.json")))!;

    private static JsonObject Defs => Schema["$defs"]!.AsObject();

    /// <summary>The schema's step definitions by the step type they describe.</summary>
    private static Dictionary<string, JsonObject> StepSchemas() =>
        Defs.Where(d => d.Value!["properties"]?["type"]?["const"] is not null)
            .ToDictionary(d => d.Value!["properties"]!["type"]!["const"]!.GetValue<string>(), d => d.Value!["properties"]!.AsObject());

    private static IEnumerable<string> EnumOf(string def) => Defs[def]!["enum"]!.AsArray().Select(v => v!.GetValue<string>());

    [Fact]
    public void Schema_is_valid_json_for_draft_2020_12()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "workflows", "workflow.schema.json")));

        Assert.Equal("https://json-schema.org/draft/2020-12/schema", document.RootElement.GetProperty("$schema").GetString());
        Assert.False(document.RootElement.GetProperty("additionalProperties").GetBoolean());
    }

    [Theory]
    [InlineData("kan-en-wil")]
    [InlineData("wil-niet")]
    [InlineData("kan-niet")]
    public void Every_step_type_and_parameter_in_a_shipped_definition_is_in_the_schema(string id)
    {
        var file = JsonNode.Parse(File.ReadAllText(Definitions.ShippedPath(id)))!;
        var stepSchemas = StepSchemas();

        foreach (var (stepId, step) in file["steps"]!.AsObject())
        {
            var type = step!["type"]!.GetValue<string>();
            Assert.True(stepSchemas.ContainsKey(type), $"Staptype '{type}' van stap '{stepId}' staat niet in het schema.");
            foreach (var (parameter, _) in step.AsObject())
            {
                Assert.True(stepSchemas[type].ContainsKey(parameter), $"Veld '{parameter}' van stap '{stepId}' staat niet in het schema.");
            }
        }

        Assert.All(file.AsObject().Select(p => p.Key), key => Assert.True(Schema["properties"]!.AsObject().ContainsKey(key), key));
    }

    [Fact]
    public void Schema_describes_exactly_the_registered_step_types_and_their_parameters()
    {
        var registry = StepTypeRegistry.CreateDefault();
        var stepSchemas = StepSchemas();

        Assert.Equal(registry.Names.Order(), stepSchemas.Keys.Order());
        foreach (var type in registry.Names)
        {
            Assert.Equal(registry.ParameterNames(type).Append("type").Order(), stepSchemas[type].Select(p => p.Key).Order());
        }
    }

    [Fact]
    public void Schema_event_handler_matches_the_loader()
    {
        var schemaFields = Defs["eventHandler"]!["properties"]!.AsObject().Select(p => p.Key);
        var loaderFields = WorkflowJson.PropertiesOf(typeof(EventHandlerDefinition)).Select(p => p.Name);

        Assert.Equal(loaderFields.Order(), schemaFields.Order());
    }

    [Fact]
    public void Schema_vocabularies_match_the_runtime()
    {
        Assert.Equal(CaseEventCatalogue.All.Select(e => e.Name), EnumOf("eventName"));
        Assert.Equal(Enum.GetValues<CaseOutcome>().Select(o => o.ToSlug()), EnumOf("caseOutcome"));
        Assert.Equal(SegmentSlug.All, EnumOf("segment"));
        var letter = StepSchemas()["letter"];
        Assert.Equal(Enum.GetValues<CostKind>().Select(c => c.ToSlug()), letter["cost"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var task = StepSchemas()["task"];
        Assert.Equal(Enum.GetValues<TaskKind>().Select(k => k.ToSlug()), task["kind"]!["enum"]!.AsArray().Select(v => v!.GetValue<string>()));
        var handoff = StepSchemas()["handoff"];
        Assert.Equal(
            Enum.GetValues<BailiffOutcome>().Select(o => o.ToSlug()),
            handoff["outcomes"]!["required"]!.AsArray().Select(v => v!.GetValue<string>()));
    }
}
