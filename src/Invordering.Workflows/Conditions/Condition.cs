using System.Text.Json.Serialization;

namespace Invordering.Workflows;

/// <summary>A declarative condition over named case facts, used by decision steps.</summary>
[JsonConverter(typeof(ConditionJsonConverter))]
public abstract record Condition
{
    /// <summary>Whether the condition holds for <paramref name="facts"/>; facts must be in the catalogue.</summary>
    public abstract bool IsTrue(CaseFacts facts);

    /// <summary>Every fact comparison inside this condition.</summary>
    public abstract IEnumerable<FactCondition> Comparisons { get; }

    /// <summary>The condition in words for the journal, for example <c>openAmount &gt;= 45400 en hasPhoneNumber == true</c>.</summary>
    public abstract string Describe();
}

/// <summary>Compares one case fact with a value: <c>{"fact": "openAmount", "op": "&gt;=", "value": 45400}</c>.</summary>
public sealed record FactCondition(string Fact, ComparisonOperator Op, FactValue Value) : Condition
{
    /// <inheritdoc />
    public override bool IsTrue(CaseFacts facts)
    {
        var fact = FactCatalogue.Find(Fact) ?? throw new InvalidOperationException($"Onbekend feit '{Fact}'.");
        return fact.Read(facts).Satisfies(Op, Value);
    }

    /// <inheritdoc />
    public override IEnumerable<FactCondition> Comparisons => [this];

    /// <inheritdoc />
    public override string Describe() => $"{Fact} {Op.ToSymbol()} {Value}";
}

/// <summary>Holds when every inner condition holds: <c>{"all": [...]}</c>.</summary>
public sealed record AllCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    /// <inheritdoc />
    public override bool IsTrue(CaseFacts facts) => Conditions.All(c => c.IsTrue(facts));

    /// <inheritdoc />
    public override IEnumerable<FactCondition> Comparisons => Conditions.SelectMany(c => c.Comparisons);

    /// <inheritdoc />
    public override string Describe() => "(" + string.Join(" en ", Conditions.Select(c => c.Describe())) + ")";
}

/// <summary>Holds when at least one inner condition holds: <c>{"any": [...]}</c>.</summary>
public sealed record AnyCondition(IReadOnlyList<Condition> Conditions) : Condition
{
    /// <inheritdoc />
    public override bool IsTrue(CaseFacts facts) => Conditions.Any(c => c.IsTrue(facts));

    /// <inheritdoc />
    public override IEnumerable<FactCondition> Comparisons => Conditions.SelectMany(c => c.Comparisons);

    /// <inheritdoc />
    public override string Describe() => "(" + string.Join(" of ", Conditions.Select(c => c.Describe())) + ")";
}

/// <summary>Holds when the inner condition does not: <c>{"not": {...}}</c>.</summary>
public sealed record NotCondition(Condition Inner) : Condition
{
    /// <inheritdoc />
    public override bool IsTrue(CaseFacts facts) => !Inner.IsTrue(facts);

    /// <inheritdoc />
    public override IEnumerable<FactCondition> Comparisons => Inner.Comparisons;

    /// <inheritdoc />
    public override string Describe() => $"niet {Inner.Describe()}";
}
