using System.Text.Json.Nodes;
using Invordering.Workflows;

namespace Invordering.Workflows.Tests.Support;

/// <summary>Loads the shipped definitions and builds small ones from JSON for tests.</summary>
public static class Definitions
{
    public static readonly string[] ShippedIds = ["kan-en-wil", "wil-niet", "kan-niet"];

    public static readonly WorkflowDefinitionLoader Loader = new();

    public static string ShippedPath(string id) => Path.Combine(AppContext.BaseDirectory, "workflows", $"{id}.json");

    public static WorkflowDefinition Shipped(string id, int version = 1) => Loader.LoadFile(ShippedPath(id), version);

    /// <summary>A shipped definition after <paramref name="change"/> edited its JSON, as an administrator would.</summary>
    public static WorkflowDefinition ShippedWith(string id, Action<JsonNode> change, int version = 1)
    {
        var json = JsonNode.Parse(File.ReadAllText(ShippedPath(id)))!;
        change(json);
        return Loader.Load(json.ToJsonString(), version);
    }

    /// <summary>A definition with the given steps (a JSON object body) and events, for the wil-niet segment unless told otherwise.</summary>
    public static WorkflowDefinition Build(string steps, string start, string segment = "wil-niet", string events = "{}", int version = 1) =>
        Loader.Load(Json(steps, start, segment, events), version);

    public static string Json(string steps, string start, string segment = "wil-niet", string events = "{}") => $$"""
        {
          "id": "test",
          "title": "Testworkflow",
          "segment": "{{segment}}",
          "start": "{{start}}",
          "steps": {{steps}},
          "events": {{events}}
        }
        """;

    /// <summary>The event handlers of the shipped workflows, for small test definitions.</summary>
    public const string StandardEvents = """
        {
          "betaling-volledig": { "action": "end", "outcome": "betaald" },
          "betaling-deels": { "action": "continue" },
          "regeling-afgesproken": { "action": "pause", "hold": "regeling", "letter": "regeling-bevestiging" },
          "termijn-gemist": { "action": "continue", "letter": "termijn-gemist", "payWithinDays": 14 },
          "regeling-verzuimd": { "action": "resume", "hold": "regeling", "letter": "regeling-vervallen" },
          "kwijtschelding-aangevraagd": { "action": "pause", "hold": "kwijtschelding" },
          "kwijtschelding-besloten": { "byResult": {
            "toegekend": { "action": "end", "outcome": "kwijtschelding" },
            "afgewezen": { "action": "resume", "hold": "kwijtschelding" } } },
          "bezwaar-uitstel": { "action": "pause", "hold": "uitstel" },
          "uitstel-beeindigd": { "action": "resume", "hold": "uitstel" },
          "pauze": { "action": "pause", "hold": "medewerker" },
          "hervat": { "action": "resume", "hold": "medewerker" },
          "stop": { "action": "end", "outcome": "gestopt" }
        }
        """;
}
