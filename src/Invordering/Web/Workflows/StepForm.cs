using System.Text.Json;
using System.Text.Json.Nodes;
using Invordering.Workflows;

namespace Invordering.Web.Workflows;

/// <summary>A decision branch as the form shows it: a comparison of one case fact, or (for all/any/not) its JSON.</summary>
public sealed record BranchRow(string Fact, string Op, string Value, string Target, string? Json);

/// <summary>A task's outcome as the form shows it.</summary>
public sealed record OutcomeRow(string Name, string Label, string Target);

/// <summary>
/// One step of a definition as the editor's form holds it, and back to the step's JSON in the workflows/ file format.
/// Scalar parameters travel as text (a wrong number reaches the loader, which names the field); decision branches
/// are comparisons of the named case facts of the <see cref="FactCatalogue"/>.
/// </summary>
public sealed class StepForm
{
    /// <summary>The bailiff's results a handoff maps, as the file names them, with their Dutch labels.</summary>
    public static readonly IReadOnlyList<(string Name, string Label)> BailiffResults =
        [("betaald", "Betaald"), ("deels-betaald", "Deels betaald"), ("niets-te-halen", "Niets te halen")];

    /// <summary>The scalar parameters of each step type, in the order the form shows them.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Scalars = new Dictionary<string, IReadOnlyList<string>>
    {
        ["letter"] = ["template", "cost", "costReason", "payWithinDays", "next"],
        ["wait"] = ["days", "kind", "next"],
        ["decision"] = ["otherwise"],
        ["task"] = ["kind", "dueWithinWorkingDays"],
        ["handoff"] = [],
        ["switch"] = ["workflow", "segment"],
        ["end"] = ["outcome"],
    };

    private static readonly HashSet<string> Numbers = ["payWithinDays", "days", "dueWithinWorkingDays"];

    public required string Id { get; init; }
    public required string Type { get; init; }
    public string Title { get; init; } = "";
    public Dictionary<string, string> Values { get; init; } = [];
    public List<BranchRow> Branches { get; init; } = [];
    public List<OutcomeRow> Outcomes { get; init; } = [];

    /// <summary>The form of step <paramref name="id"/> as stored.</summary>
    public static StepForm From(string id, JsonObject step)
    {
        var type = Text(step["type"]);
        var form = new StepForm { Id = id, Type = type, Title = Text(step["title"]) };
        foreach (var name in Scalars.GetValueOrDefault(type) ?? [])
        {
            form.Values[name] = Text(step[name]);
        }

        if (type == "handoff" && step["outcomes"] is JsonObject bailiff)
        {
            foreach (var (name, _) in BailiffResults) form.Values["outcomes." + name] = Text(bailiff[name]);
        }

        if (step["branches"] is JsonArray branches)
        {
            form.Branches.AddRange(branches.OfType<JsonObject>().Select(BranchOf));
        }

        if (type == "task" && step["outcomes"] is JsonArray outcomes)
        {
            form.Outcomes.AddRange(outcomes.OfType<JsonObject>().Select(o => new OutcomeRow(Text(o["name"]), Text(o["label"]), Text(o["target"]))));
        }

        return form;
    }

    /// <summary>The form as posted: <c>type</c>, <c>title</c>, the scalars by name, rows <c>tak[i].*</c> and <c>uitkomst[i].*</c> (empty rows are left out).</summary>
    public static StepForm From(string id, IFormCollection posted)
    {
        string Field(string name) => posted[name].ToString().Trim();
        var type = Field("type");
        var form = new StepForm { Id = id, Type = type, Title = Field("title") };
        foreach (var name in (Scalars.GetValueOrDefault(type) ?? []).Concat(BailiffResults.Select(r => "outcomes." + r.Name)))
        {
            form.Values[name] = Field(name);
        }

        for (var i = 0; posted.ContainsKey($"tak[{i}].target"); i++)
        {
            var row = new BranchRow(Field($"tak[{i}].fact"), Field($"tak[{i}].op"), Field($"tak[{i}].value"), Field($"tak[{i}].target"),
                posted.ContainsKey($"tak[{i}].json") ? Field($"tak[{i}].json") : null);
            if (row.Target.Length > 0 || row.Fact.Length > 0 || row.Json is { Length: > 0 }) form.Branches.Add(row);
        }

        for (var i = 0; posted.ContainsKey($"uitkomst[{i}].name"); i++)
        {
            var row = new OutcomeRow(Field($"uitkomst[{i}].name"), Field($"uitkomst[{i}].label"), Field($"uitkomst[{i}].target"));
            if (row.Name.Length > 0 || row.Target.Length > 0) form.Outcomes.Add(row);
        }

        return form;
    }

    /// <summary>The step's JSON in the file format; what cannot be read is left for the loader to name.</summary>
    public JsonObject ToJson()
    {
        var step = new JsonObject { ["type"] = Type };
        if (Title.Length > 0) step["title"] = Title;
        foreach (var name in Scalars.GetValueOrDefault(Type) ?? [])
        {
            if (Values.GetValueOrDefault(name) is not { Length: > 0 } value) continue;
            step[name] = Numbers.Contains(name) && long.TryParse(value, out var number) ? JsonValue.Create(number) : JsonValue.Create(value);
        }

        switch (Type)
        {
            case "handoff":
                var bailiff = new JsonObject();
                foreach (var (name, _) in BailiffResults) bailiff[name] = Values.GetValueOrDefault("outcomes." + name) ?? "";
                step["outcomes"] = bailiff;
                break;
            case "task":
                step["outcomes"] = new JsonArray(Outcomes.Select(o => (JsonNode)new JsonObject
                {
                    ["name"] = o.Name, ["label"] = o.Label, ["target"] = o.Target,
                }).ToArray());
                break;
            case "decision":
                step["branches"] = new JsonArray(Branches.Select(b => (JsonNode)new JsonObject
                {
                    ["when"] = ConditionOf(b), ["target"] = b.Target,
                }).ToArray());
                break;
        }

        return step;
    }

    private static BranchRow BranchOf(JsonObject branch)
    {
        var target = Text(branch["target"]);
        if (branch["when"] is JsonObject when && when.ContainsKey("fact"))
        {
            return new BranchRow(Text(when["fact"]), Text(when["op"]), Text(when["value"]), target, null);
        }

        return new BranchRow("", "", "", target, branch["when"]?.ToJsonString() ?? "");
    }

    /// <summary>A comparison with its value typed as the fact demands (amounts in cents), or the row's own JSON.</summary>
    private JsonNode? ConditionOf(BranchRow row)
    {
        if (row.Json is { Length: > 0 } json)
        {
            try
            {
                return JsonNode.Parse(json);
            }
            catch (JsonException)
            {
                throw new WorkflowDefinitionException([ValidationError.ForStep(Id, "ongeldige-voorwaarde", $"de voorwaarde '{json}' is geen geldige JSON.")]);
            }
        }

        JsonNode value = FactCatalogue.Find(row.Fact)?.Type switch
        {
            FactType.Amount or FactType.Number when long.TryParse(row.Value, out var number) => JsonValue.Create(number),
            FactType.Boolean when row.Value is "true" or "ja" => JsonValue.Create(true),
            FactType.Boolean when row.Value is "false" or "nee" => JsonValue.Create(false),
            _ => JsonValue.Create(row.Value),
        };
        return new JsonObject { ["fact"] = row.Fact, ["op"] = row.Op, ["value"] = value };
    }

    private static string Text(JsonNode? node) => node switch
    {
        null => "",
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        _ => node.ToJsonString(),
    };
}
