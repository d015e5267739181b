using System.Text.Json;

namespace Invordering.Domain.Segmentation;

/// <summary>
/// Reads a rule set's JSON form: <c>{"title": "...", "rules": [{"id", "description", "when", "segment"}]}</c>.
/// Refuses unknown fields and values of the wrong kind; what the rules mean is checked by <see cref="RuleSetValidator"/>.
/// </summary>
public static class RuleSetParser
{
    private static readonly string[] RuleSetFields = ["title", "rules"];
    private static readonly string[] RuleFields = ["id", "description", "when", "segment"];
    private static readonly string[] ComparisonFields = ["fact", "op", "value"];

    public static RuleSet Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException ex)
        {
            throw new RuleSetFormatException($"De regelset is geen geldige JSON: {ex.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object) throw new RuleSetFormatException("Een regelset is een JSON-object met 'title' en 'rules'.");
            RefuseUnknownFields(root, RuleSetFields, "de regelset");
            var title = RequiredText(root, "title", "de regelset");
            if (!root.TryGetProperty("rules", out var rules) || rules.ValueKind != JsonValueKind.Array)
                throw new RuleSetFormatException("De regelset heeft een lijst 'rules' nodig.");
            return new RuleSet(title, rules.EnumerateArray().Select((rule, index) => ParseRule(rule, index + 1)).ToList());
        }
    }

    private static SegmentationRule ParseRule(JsonElement rule, int position)
    {
        var where = $"regel {position}";
        if (rule.ValueKind != JsonValueKind.Object) throw new RuleSetFormatException($"In {where}: een regel is een object.");
        RefuseUnknownFields(rule, RuleFields, where);
        var id = RequiredText(rule, "id", where);
        where = $"regel '{id}'";
        var description = RequiredText(rule, "description", where);
        var segmentSlug = RequiredText(rule, "segment", where);
        if (!Segment.TryParseSlug(segmentSlug, out var segment))
            throw new RuleSetFormatException($"In {where}: onbekend segment '{segmentSlug}'; kies uit kan-en-wil, wil-niet of kan-niet.");
        var when = rule.TryGetProperty("when", out var condition) ? ParseCondition(condition, where) : null;
        return new SegmentationRule(id, description, when, segment);
    }

    private static RuleCondition ParseCondition(JsonElement element, string where)
    {
        if (element.ValueKind != JsonValueKind.Object) throw new RuleSetFormatException($"In {where}: een voorwaarde is een object.");
        var keys = element.EnumerateObject().Select(p => p.Name).ToList();
        if (keys is ["all"] or ["any"])
        {
            var list = element.GetProperty(keys[0]);
            if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0)
                throw new RuleSetFormatException($"In {where}: '{keys[0]}' is een niet-lege lijst van voorwaarden.");
            var inner = list.EnumerateArray().Select(c => ParseCondition(c, where)).ToList();
            return keys[0] == "all" ? new AllConditions(inner) : new AnyConditions(inner);
        }
        if (keys is ["not"]) return new NotCondition(ParseCondition(element.GetProperty("not"), where));
        if (keys.Count == ComparisonFields.Length && ComparisonFields.All(keys.Contains)) return ParseComparison(element, where);
        throw new RuleSetFormatException(
            $"In {where}: een voorwaarde heeft precies de velden fact, op en value, of één veld all, any of not; gevonden: {string.Join(", ", keys)}.");
    }

    private static FactComparison ParseComparison(JsonElement element, string where)
    {
        var fact = element.GetProperty("fact");
        var op = element.GetProperty("op");
        var value = element.GetProperty("value");
        if (fact.ValueKind != JsonValueKind.String || op.ValueKind != JsonValueKind.String)
            throw new RuleSetFormatException($"In {where}: 'fact' en 'op' zijn tekst.");
        var parsedOp = FactComparisonOperators.Parse(op.GetString()!)
            ?? throw new RuleSetFormatException(
                $"In {where}: onbekende vergelijking '{op.GetString()}'; toegestaan: {string.Join(" ", FactComparisonOperators.AllSymbols)}.");
        if (value.ValueKind != JsonValueKind.Number || !value.TryGetInt64(out var number))
            throw new RuleSetFormatException($"In {where}: 'value' is een geheel getal (feiten zijn aantallen, percentages of dagen).");
        return new FactComparison(fact.GetString()!, parsedOp, number);
    }

    private static string RequiredText(JsonElement element, string name, string where) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new RuleSetFormatException($"In {where}: '{name}' ontbreekt of is geen tekst.");

    private static void RefuseUnknownFields(JsonElement element, string[] known, string where)
    {
        var unknown = element.EnumerateObject().Select(p => p.Name).Where(n => !known.Contains(n) && n != "$comment").ToList();
        if (unknown.Count > 0)
            throw new RuleSetFormatException($"In {where}: onbekend veld {string.Join(", ", unknown.Select(u => $"'{u}'"))}; toegestaan: {string.Join(", ", known)}.");
    }
}
