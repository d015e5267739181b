namespace Invordering.Workflows;

/// <summary>The comparison a fact condition makes: <c>== != &gt; &gt;= &lt; &lt;=</c>.</summary>
public enum ComparisonOperator
{
    /// <summary><c>==</c></summary>
    Equal,

    /// <summary><c>!=</c></summary>
    NotEqual,

    /// <summary><c>&gt;</c></summary>
    GreaterThan,

    /// <summary><c>&gt;=</c></summary>
    GreaterThanOrEqual,

    /// <summary><c>&lt;</c></summary>
    LessThan,

    /// <summary><c>&lt;=</c></summary>
    LessThanOrEqual,
}

/// <summary>The symbols of <see cref="ComparisonOperator"/> as written in definitions.</summary>
public static class ComparisonOperatorSymbols
{
    private static readonly Dictionary<string, ComparisonOperator> BySymbol = new()
    {
        ["=="] = ComparisonOperator.Equal,
        ["!="] = ComparisonOperator.NotEqual,
        [">"] = ComparisonOperator.GreaterThan,
        [">="] = ComparisonOperator.GreaterThanOrEqual,
        ["<"] = ComparisonOperator.LessThan,
        ["<="] = ComparisonOperator.LessThanOrEqual,
    };

    /// <summary>Every symbol a definition may use.</summary>
    public static IReadOnlyCollection<string> All => BySymbol.Keys;

    /// <summary>The operator written as <paramref name="symbol"/>, or null for an unknown symbol.</summary>
    public static ComparisonOperator? Parse(string symbol) => BySymbol.TryGetValue(symbol, out var op) ? op : null;

    /// <summary>The symbol of <paramref name="op"/>.</summary>
    public static string ToSymbol(this ComparisonOperator op) => BySymbol.First(pair => pair.Value == op).Key;

    /// <summary>Whether the operator only tests (in)equality, the only comparisons that apply to yes/no and text facts.</summary>
    public static bool IsEquality(this ComparisonOperator op) => op is ComparisonOperator.Equal or ComparisonOperator.NotEqual;
}
