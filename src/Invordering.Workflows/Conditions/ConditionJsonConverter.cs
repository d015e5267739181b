using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invordering.Workflows;

/// <summary>Reads and writes conditions in their definition form: a fact comparison, or <c>all</c>, <c>any</c> or <c>not</c>.</summary>
public sealed class ConditionJsonConverter : JsonConverter<Condition>
{
    private static readonly string[] ComparisonKeys = ["fact", "op", "value"];

    /// <inheritdoc />
    public override Condition Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return Parse(document.RootElement);
    }

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, Condition value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        switch (value)
        {
            case FactCondition comparison:
                writer.WriteString("fact", comparison.Fact);
                writer.WriteString("op", comparison.Op.ToSymbol());
                writer.WritePropertyName("value");
                JsonSerializer.Serialize(writer, comparison.Value, options);
                break;
            case AllCondition all:
                WriteList(writer, "all", all.Conditions, options);
                break;
            case AnyCondition any:
                WriteList(writer, "any", any.Conditions, options);
                break;
            case NotCondition not:
                writer.WritePropertyName("not");
                Write(writer, not.Inner, options);
                break;
        }

        writer.WriteEndObject();
    }

    private void WriteList(Utf8JsonWriter writer, string name, IReadOnlyList<Condition> conditions, JsonSerializerOptions options)
    {
        writer.WriteStartArray(name);
        foreach (var condition in conditions)
        {
            Write(writer, condition, options);
        }

        writer.WriteEndArray();
    }

    private static Condition Parse(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new WorkflowFormatException("Een voorwaarde moet een object zijn.");
        }

        var keys = element.EnumerateObject().Select(p => p.Name).ToList();
        if (keys.Count == 1 && keys[0] is "all" or "any")
        {
            var inner = ParseList(element.GetProperty(keys[0]), keys[0]);
            return keys[0] == "all" ? new AllCondition(inner) : new AnyCondition(inner);
        }

        if (keys is ["not"])
        {
            return new NotCondition(Parse(element.GetProperty("not")));
        }

        if (keys.Count == ComparisonKeys.Length && ComparisonKeys.All(keys.Contains))
        {
            return ParseComparison(element);
        }

        throw new WorkflowFormatException(
            $"Een voorwaarde heeft precies de velden fact, op en value, of één veld all, any of not; gevonden: {string.Join(", ", keys)}.");
    }

    private static List<Condition> ParseList(JsonElement element, string name)
    {
        if (element.ValueKind != JsonValueKind.Array || element.GetArrayLength() == 0)
        {
            throw new WorkflowFormatException($"'{name}' moet een niet-lege lijst van voorwaarden zijn.");
        }

        return element.EnumerateArray().Select(Parse).ToList();
    }

    private static FactCondition ParseComparison(JsonElement element)
    {
        var fact = element.GetProperty("fact");
        var op = element.GetProperty("op");
        if (fact.ValueKind != JsonValueKind.String || op.ValueKind != JsonValueKind.String)
        {
            throw new WorkflowFormatException("In een voorwaarde zijn 'fact' en 'op' tekst.");
        }

        var parsedOp = ComparisonOperatorSymbols.Parse(op.GetString()!)
            ?? throw new WorkflowFormatException(
                $"Onbekende vergelijking '{op.GetString()}'; toegestaan: {string.Join(" ", ComparisonOperatorSymbols.All)}.");
        var value = element.GetProperty("value").Deserialize<FactValue>();
        return new FactCondition(fact.GetString()!, parsedOp, value);
    }
}
