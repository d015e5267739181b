namespace Invordering.Domain.Segmentation;

/// <summary>The comparison a rule makes between a fact and a value: <c>== != &gt; &gt;= &lt; &lt;=</c>.</summary>
public enum FactComparisonOperator
{
    Equal,
    NotEqual,
    GreaterThan,
    GreaterThanOrEqual,
    LessThan,
    LessThanOrEqual,
}

/// <summary>The symbols of the operators as written in a rule set, and their meaning in Dutch.</summary>
public static class FactComparisonOperators
{
    private static readonly (string Symbol, FactComparisonOperator Op)[] Symbols =
    [
        ("==", FactComparisonOperator.Equal),
        ("!=", FactComparisonOperator.NotEqual),
        (">", FactComparisonOperator.GreaterThan),
        (">=", FactComparisonOperator.GreaterThanOrEqual),
        ("<", FactComparisonOperator.LessThan),
        ("<=", FactComparisonOperator.LessThanOrEqual),
    ];

    /// <summary>Every symbol a rule may use.</summary>
    public static IEnumerable<string> AllSymbols => Symbols.Select(s => s.Symbol);

    /// <summary>The operator written as <paramref name="symbol"/>, or null for an unknown symbol.</summary>
    public static FactComparisonOperator? Parse(string symbol) =>
        Symbols.Where(s => s.Symbol == symbol).Select(s => (FactComparisonOperator?)s.Op).FirstOrDefault();

    extension(FactComparisonOperator op)
    {
        /// <summary>The symbol of the operator: <c>&gt;=</c>.</summary>
        public string ToSymbol() => Symbols.First(s => s.Op == op).Symbol;

        /// <summary>Whether <paramref name="left"/> compared with <paramref name="right"/> holds.</summary>
        public bool Holds(long left, long right) => op switch
        {
            FactComparisonOperator.Equal => left == right,
            FactComparisonOperator.NotEqual => left != right,
            FactComparisonOperator.GreaterThan => left > right,
            FactComparisonOperator.GreaterThanOrEqual => left >= right,
            FactComparisonOperator.LessThan => left < right,
            FactComparisonOperator.LessThanOrEqual => left <= right,
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };

        /// <summary>What the rule asks, in Dutch: "minstens 2", "precies 0".</summary>
        public string InWords(long value) => op switch
        {
            FactComparisonOperator.Equal => $"precies {value}",
            FactComparisonOperator.NotEqual => $"niet {value}",
            FactComparisonOperator.GreaterThan => $"meer dan {value}",
            FactComparisonOperator.GreaterThanOrEqual => $"minstens {value}",
            FactComparisonOperator.LessThan => $"minder dan {value}",
            FactComparisonOperator.LessThanOrEqual => $"hoogstens {value}",
            _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
        };
    }
}
