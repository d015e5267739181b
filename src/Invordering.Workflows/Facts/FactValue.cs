using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Invordering.Workflows;

/// <summary>The three shapes a case fact's value can take.</summary>
public enum FactValueKind
{
    /// <summary>A whole number (amounts in cents, days, counts).</summary>
    Number,

    /// <summary>Yes or no.</summary>
    Boolean,

    /// <summary>A word, such as a segment slug.</summary>
    Text,
}

/// <summary>The value of one case fact, or the value a decision compares a fact with.</summary>
[JsonConverter(typeof(FactValueJsonConverter))]
public readonly record struct FactValue
{
    private readonly long number;
    private readonly bool flag;
    private readonly string? text;

    private FactValue(FactValueKind kind, long number, bool flag, string? text)
    {
        Kind = kind;
        this.number = number;
        this.flag = flag;
        this.text = text;
    }

    /// <summary>Which shape this value has.</summary>
    public FactValueKind Kind { get; }

    /// <summary>A whole-number value.</summary>
    public static FactValue Of(long number) => new(FactValueKind.Number, number, false, null);

    /// <summary>A yes/no value.</summary>
    public static FactValue Of(bool flag) => new(FactValueKind.Boolean, 0, flag, null);

    /// <summary>A text value.</summary>
    public static FactValue Of(string text) => new(FactValueKind.Text, 0, false, text);

    /// <summary>Compares this value (left) with <paramref name="other"/> (right); false when the kinds differ or the operator does not apply.</summary>
    public bool Satisfies(ComparisonOperator op, FactValue other)
    {
        if (Kind != other.Kind)
        {
            return false;
        }

        if (Kind == FactValueKind.Number)
        {
            var order = number.CompareTo(other.number);
            return op switch
            {
                ComparisonOperator.Equal => order == 0,
                ComparisonOperator.NotEqual => order != 0,
                ComparisonOperator.GreaterThan => order > 0,
                ComparisonOperator.GreaterThanOrEqual => order >= 0,
                ComparisonOperator.LessThan => order < 0,
                ComparisonOperator.LessThanOrEqual => order <= 0,
                _ => false,
            };
        }

        var equal = Kind == FactValueKind.Boolean ? flag == other.flag : text == other.text;
        return op switch
        {
            ComparisonOperator.Equal => equal,
            ComparisonOperator.NotEqual => !equal,
            _ => false,
        };
    }

    /// <summary>The number this value holds; only meaningful when <see cref="Kind"/> is <see cref="FactValueKind.Number"/>.</summary>
    public long AsNumber() => number;

    /// <summary>The value as written in a definition: <c>45400</c>, <c>true</c>, <c>kan-niet</c>.</summary>
    public override string ToString() => Kind switch
    {
        FactValueKind.Number => number.ToString(CultureInfo.InvariantCulture),
        FactValueKind.Boolean => flag ? "true" : "false",
        _ => text ?? "",
    };

    /// <summary>Writes the value as a plain JSON number, boolean or string.</summary>
    internal void Write(Utf8JsonWriter writer)
    {
        switch (Kind)
        {
            case FactValueKind.Number: writer.WriteNumberValue(number); break;
            case FactValueKind.Boolean: writer.WriteBooleanValue(flag); break;
            default: writer.WriteStringValue(text); break;
        }
    }
}

/// <summary>Reads and writes a <see cref="FactValue"/> as a plain JSON number, boolean or string.</summary>
public sealed class FactValueJsonConverter : JsonConverter<FactValue>
{
    /// <inheritdoc />
    public override FactValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType switch
        {
            JsonTokenType.Number when reader.TryGetInt64(out var number) => FactValue.Of(number),
            JsonTokenType.Number => throw new WorkflowFormatException("Een getal in een voorwaarde moet een geheel getal zijn (bedragen in centen)."),
            JsonTokenType.True => FactValue.Of(true),
            JsonTokenType.False => FactValue.Of(false),
            JsonTokenType.String => FactValue.Of(reader.GetString()!),
            _ => throw new WorkflowFormatException("Een waarde in een voorwaarde moet een getal, true/false of tekst zijn."),
        };

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, FactValue value, JsonSerializerOptions options) => value.Write(writer);
}
