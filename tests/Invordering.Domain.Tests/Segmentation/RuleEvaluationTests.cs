using Invordering.Domain.Segmentation;

namespace Invordering.Domain.Tests.Segmentation;

public sealed class RuleEvaluationTests
{
    private static Dictionary<string, long> Facts(params (string Name, long Value)[] set)
    {
        var facts = SegmentationFacts.All.ToDictionary(f => f.Name, _ => 0L);
        foreach (var (name, value) in set) facts[name] = value;
        return facts;
    }

    private static readonly RuleSet Rules = RuleSet.Load("""
        {"title": "T", "rules": [
          {"id": "niet-op-tijd", "description": "Zelden op tijd en vaak na dwang.", "segment": "wil-niet",
           "when": {"all": [{"fact": "paidAfterWrit", "op": ">=", "value": 2}, {"not": {"fact": "onTimePercent", "op": ">=", "value": 50}}]}},
          {"id": "kan-niet", "description": "Beslag of oninbaar.", "segment": "kan-niet",
           "when": {"any": [{"fact": "seizureWithoutResult", "op": ">", "value": 0}, {"fact": "writtenOff", "op": ">", "value": 0}]}},
          {"id": "standaard", "description": "Kan én wil betalen.", "segment": "kan-en-wil"}
        ]}
        """);

    [Fact]
    public void The_first_rule_that_holds_decides()
    {
        var facts = Facts(("paidAfterWrit", 2), ("onTimePercent", 10), ("writtenOff", 1));
        Assert.Equal("niet-op-tijd", Rules.Evaluate(facts).Id);
    }

    [Theory]
    [InlineData(2, 49, 0, 0, "niet-op-tijd")]
    [InlineData(2, 50, 0, 0, "standaard")]
    [InlineData(1, 0, 0, 0, "standaard")]
    [InlineData(2, 50, 1, 0, "kan-niet")]
    [InlineData(0, 0, 0, 3, "kan-niet")]
    public void All_any_and_not_combine_as_written(long paidAfterWrit, long onTimePercent, long seizures, long writtenOff, string rule)
    {
        var facts = Facts(("paidAfterWrit", paidAfterWrit), ("onTimePercent", onTimePercent), ("seizureWithoutResult", seizures), ("writtenOff", writtenOff));
        Assert.Equal(rule, Rules.Evaluate(facts).Id);
    }

    [Theory]
    [InlineData("==", 3, 3, true)]
    [InlineData("==", 3, 4, false)]
    [InlineData("!=", 3, 4, true)]
    [InlineData(">", 4, 3, true)]
    [InlineData(">", 3, 3, false)]
    [InlineData(">=", 3, 3, true)]
    [InlineData("<", 2, 3, true)]
    [InlineData("<=", 4, 3, false)]
    public void Each_operator_compares_the_fact_with_the_value(string symbol, long fact, long value, bool holds)
    {
        var comparison = new FactComparison("claims", FactComparisonOperators.Parse(symbol)!.Value, value);
        Assert.Equal(holds, comparison.Holds(Facts(("claims", fact))));
    }

    [Fact]
    public void A_missing_fact_is_an_error_not_a_silent_zero()
    {
        var comparison = new FactComparison("claims", FactComparisonOperator.Equal, 0);
        Assert.Throws<KeyNotFoundException>(() => comparison.Holds(new Dictionary<string, long>()));
    }
}
