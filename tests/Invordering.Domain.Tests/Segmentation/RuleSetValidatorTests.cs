using Invordering.Domain.Segmentation;

namespace Invordering.Domain.Tests.Segmentation;

public sealed class RuleSetValidatorTests
{
    private static SegmentationRule Rule(string id, RuleCondition? when = null, Segment segment = Segment.KanNiet, string description = "Omschrijving.") =>
        new(id, description, when, segment);

    private static readonly SegmentationRule Default = Rule("standaard", segment: Segment.KanEnWil);

    private static IReadOnlyList<string> Codes(params SegmentationRule[] rules) =>
        RuleSetValidator.Validate(new RuleSet("Test", rules)).Select(e => e.Code).ToList();

    [Fact]
    public void A_set_of_known_facts_ending_in_a_default_rule_is_valid()
    {
        Assert.Empty(Codes(Rule("oninbaar", new FactComparison("writtenOff", FactComparisonOperator.GreaterThanOrEqual, 1)), Default));
    }

    [Fact]
    public void An_unknown_fact_is_refused_with_the_known_facts_listed()
    {
        var errors = RuleSetValidator.Validate(new RuleSet("Test",
            [Rule("r", new NotCondition(new FactComparison("inkomen", FactComparisonOperator.LessThan, 1000))), Default]));

        var error = Assert.Single(errors);
        Assert.Equal(("r", "onbekend-feit"), (error.RuleId, error.Code));
        Assert.Contains("paidToBailiff", error.Message);
    }

    [Fact]
    public void Every_debtor_must_get_a_segment_so_the_last_rule_is_the_default()
    {
        Assert.Equal(["standaardregel-ontbreekt"], Codes(Rule("r", new FactComparison("claims", FactComparisonOperator.Equal, 0))));
    }

    [Fact]
    public void A_default_rule_before_the_end_makes_the_rules_after_it_unreachable()
    {
        Assert.Equal(["standaardregel-niet-laatst"], Codes(Rule("eerder"), Rule("r", new FactComparison("claims", FactComparisonOperator.Equal, 0)), Default));
    }

    [Fact]
    public void Ids_are_unique_slugs_and_every_rule_has_a_description()
    {
        Assert.Equal(["dubbele-id"], Codes(Rule("a", new FactComparison("claims", FactComparisonOperator.Equal, 0)), Rule("a")));
        Assert.Equal(["ongeldige-id"], Codes(Rule("Hoofd Letters", new FactComparison("claims", FactComparisonOperator.Equal, 0)), Default));
        Assert.Equal(["omschrijving-ontbreekt"], Codes(Rule("a", new FactComparison("claims", FactComparisonOperator.Equal, 0), description: " "), Default));
    }

    [Fact]
    public void Facts_are_never_negative_so_a_negative_value_is_refused()
    {
        Assert.Equal(["negatieve-waarde"], Codes(Rule("a", new FactComparison("averageDaysLate", FactComparisonOperator.GreaterThan, -1)), Default));
    }

    [Fact]
    public void An_empty_rule_set_is_refused()
    {
        Assert.Equal(["geen-regels"], Codes());
    }

    [Fact]
    public void Load_refuses_an_invalid_rule_set_with_every_problem_in_the_message()
    {
        var error = Assert.Throws<RuleSetFormatException>(() => RuleSet.Load("""
            {"title": "T", "rules": [{"id": "a", "description": "d", "segment": "kan-niet", "when": {"fact": "schuld", "op": ">", "value": 1}}]}
            """));

        Assert.Equal(["onbekend-feit", "standaardregel-ontbreekt"], error.Errors.Select(e => e.Code));
        Assert.Contains("Regel 'a': onbekend feit 'schuld'", error.Message);
    }
}
