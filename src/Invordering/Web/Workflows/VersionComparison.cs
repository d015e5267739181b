using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Invordering.Workflows;

namespace Invordering.Web.Workflows;

/// <summary>What happened to one part of a definition between two versions: added, removed, changed or the same.</summary>
public enum PartChange { Same, Added, Removed, Changed }

/// <summary>One part of a definition (a header field, a step or an event handler) in two versions, as indented JSON.</summary>
public sealed record PartDifference(string Part, string Name, PartChange Change, string? Left, string? Right)
{
    public string ChangeText => Change switch
    {
        PartChange.Added => "toegevoegd",
        PartChange.Removed => "verwijderd",
        PartChange.Changed => "gewijzigd",
        _ => "gelijk",
    };
}

/// <summary>Two versions of a definition side by side, step by step: the header, every step, every event handler.</summary>
public static class VersionComparison
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static IReadOnlyList<PartDifference> Compare(string leftJson, string rightJson)
    {
        var left = WorkflowDocument.Root(leftJson);
        var right = WorkflowDocument.Root(rightJson);
        var parts = new List<PartDifference>();
        foreach (var field in new[] { "title", "segment", "start" })
        {
            parts.Add(Difference("algemeen", field, left[field], right[field]));
        }

        parts.AddRange(Members(left["steps"], right["steps"], "stap"));
        parts.AddRange(Members(left["events"], right["events"], "gebeurtenis"));
        return parts;
    }

    private static IEnumerable<PartDifference> Members(JsonNode? left, JsonNode? right, string part)
    {
        var l = left as JsonObject ?? [];
        var r = right as JsonObject ?? [];
        var names = l.Select(p => p.Key).Concat(r.Select(p => p.Key).Where(k => !l.ContainsKey(k)));
        return names.Select(name => Difference(part, name, l[name], r[name]));
    }

    private static PartDifference Difference(string part, string name, JsonNode? left, JsonNode? right)
    {
        var change = (left, right) switch
        {
            (null, null) => PartChange.Same,
            (null, _) => PartChange.Added,
            (_, null) => PartChange.Removed,
            _ => JsonNode.DeepEquals(left, right) ? PartChange.Same : PartChange.Changed,
        };
        return new PartDifference(part, name, change, left?.ToJsonString(Indented), right?.ToJsonString(Indented));
    }
}
