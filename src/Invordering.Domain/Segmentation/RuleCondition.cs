namespace Invordering.Domain.Segmentation;

/// <summary>A declarative condition over a debtor's named facts, in the style of the workflow decisions.</summary>
public abstract record RuleCondition
{
    /// <summary>Whether the condition holds for <paramref name="facts"/>; every fact it names must be present.</summary>
    public abstract bool Holds(IReadOnlyDictionary<string, long> facts);

    /// <summary>Every fact comparison inside this condition.</summary>
    public abstract IEnumerable<FactComparison> Comparisons { get; }

    /// <summary>The condition as written, for example <c>(afterWrit &gt;= 2 of paidToBailiff &gt;= 1)</c>.</summary>
    public abstract string Describe();
}

/// <summary>Compares one fact with a value: <c>{"fact": "afterWrit", "op": "&gt;=", "value": 2}</c>.</summary>
public sealed record FactComparison(string Fact, FactComparisonOperator Op, long Value) : RuleCondition
{
    public override bool Holds(IReadOnlyDictionary<string, long> facts) =>
        facts.TryGetValue(Fact, out var actual)
            ? Op.Holds(actual, Value)
            : throw new KeyNotFoundException($"Het feit '{Fact}' ontbreekt.");

    public override IEnumerable<FactComparison> Comparisons => [this];

    public override string Describe() => $"{Fact} {Op.ToSymbol()} {Value}";
}

/// <summary>Holds when every inner condition holds: <c>{"all": [...]}</c>.</summary>
public sealed record AllConditions(IReadOnlyList<RuleCondition> Conditions) : RuleCondition
{
    public override bool Holds(IReadOnlyDictionary<string, long> facts) => Conditions.All(c => c.Holds(facts));

    public override IEnumerable<FactComparison> Comparisons => Conditions.SelectMany(c => c.Comparisons);

    public override string Describe() => "(" + string.Join(" en ", Conditions.Select(c => c.Describe())) + ")";
}

/// <summary>Holds when at least one inner condition holds: <c>{"any": [...]}</c>.</summary>
public sealed record AnyConditions(IReadOnlyList<RuleCondition> Conditions) : RuleCondition
{
    public override bool Holds(IReadOnlyDictionary<string, long> facts) => Conditions.Any(c => c.Holds(facts));

    public override IEnumerable<FactComparison> Comparisons => Conditions.SelectMany(c => c.Comparisons);

    public override string Describe() => "(" + string.Join(" of ", Conditions.Select(c => c.Describe())) + ")";
}

/// <summary>Holds when the inner condition does not: <c>{"not": {...}}</c>.</summary>
public sealed record NotCondition(RuleCondition Inner) : RuleCondition
{
    public override bool Holds(IReadOnlyDictionary<string, long> facts) => !Inner.Holds(facts);

    public override IEnumerable<FactComparison> Comparisons => Inner.Comparisons;

    public override string Describe() => $"niet {Inner.Describe()}";
}
