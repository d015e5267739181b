namespace Invordering.Letters;

/// <summary>A formatting helper that templates call as <c>{{name field}}</c>, with the value types it accepts.</summary>
/// <param name="Name">The name used in templates.</param>
/// <param name="Expects">What it expects, in Dutch, for error messages.</param>
/// <param name="Accepts">The model value types it accepts (nullable versions included; null prints nothing).</param>
/// <param name="Format">Turns a non-null value into text.</param>
public sealed record LetterHelper(string Name, string Expects, IReadOnlyList<Type> Accepts, Func<object, string> Format);

/// <summary>The helpers available in letter templates, shared by the renderer and the validator.</summary>
public static class LetterHelpers
{
    /// <summary>The block helpers Handlebars itself provides and templates may use.</summary>
    public static IReadOnlySet<string> BlockHelpers { get; } = new HashSet<string> { "if", "unless", "each", "with" };

    /// <summary>The formatting helpers: euro, datum, iban and kenmerk.</summary>
    public static IReadOnlyList<LetterHelper> All { get; } =
    [
        new("euro", "een bedrag in centen", [typeof(long), typeof(int)], value => DutchFormat.Euro(Convert.ToInt64(value))),
        new("datum", "een datum", [typeof(DateOnly)], value => DutchFormat.Date((DateOnly)value)),
        new("iban", "een IBAN", [typeof(string)], value => DutchFormat.Iban((string)value)),
        new("kenmerk", "een betalingskenmerk", [typeof(string)], value => DutchFormat.PaymentReference((string)value)),
    ];

    /// <summary>Finds a formatting helper by name, or null.</summary>
    public static LetterHelper? Find(string name) => All.FirstOrDefault(helper => helper.Name == name);
}
