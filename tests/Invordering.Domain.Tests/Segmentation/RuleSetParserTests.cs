using Invordering.Domain.Segmentation;

namespace Invordering.Domain.Tests.Segmentation;

public sealed class RuleSetParserTests
{
    /// <summary>The rule set as shipped in the repository's workflows/ folder.</summary>
    private static string Shipped
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Invordering.sln")))
                    return File.ReadAllText(Path.Combine(dir.FullName, "workflows", "segmentatie.json"));
            throw new DirectoryNotFoundException("The repository's workflows/ folder was not found above the test binaries.");
        }
    }

    private static string WithRule(string rule) =>
        $$"""{"title": "Test", "rules": [{{rule}}, {"id": "standaard", "description": "Standaard.", "segment": "kan-en-wil"}]}""";

    [Fact]
    public void The_shipped_rule_set_loads_and_ends_in_a_default_rule()
    {
        var ruleSet = RuleSet.Load(Shipped);

        Assert.Equal("Klantgroepen uit betaalhistorie", ruleSet.Title);
        Assert.True(ruleSet.Rules[^1].IsDefault);
        Assert.Equal(1, ruleSet.Rules.Count(r => r.IsDefault));
        Assert.All(ruleSet.Rules, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
        Assert.Equal([Segment.KanEnWil, Segment.WilNiet, Segment.KanNiet], ruleSet.Rules.Select(r => r.Segment).Distinct().Order());
    }

    [Fact]
    public void Conditions_are_read_as_comparisons_all_any_and_not()
    {
        var ruleSet = RuleSetParser.Parse(WithRule("""
            {"id": "r", "description": "d", "segment": "wil-niet",
             "when": {"all": [{"fact": "afterWrit", "op": ">=", "value": 2},
                              {"any": [{"fact": "claims", "op": "!=", "value": 0}, {"not": {"fact": "onTimePercent", "op": "<", "value": 50}}]}]}}
            """));

        var expected = new AllConditions([
            new FactComparison("afterWrit", FactComparisonOperator.GreaterThanOrEqual, 2),
            new AnyConditions([
                new FactComparison("claims", FactComparisonOperator.NotEqual, 0),
                new NotCondition(new FactComparison("onTimePercent", FactComparisonOperator.LessThan, 50)),
            ]),
        ]);
        Assert.Equal(expected.Describe(), ruleSet.Rules[0].When!.Describe());
        Assert.Equal("(afterWrit >= 2 en (claims != 0 of niet onTimePercent < 50))", ruleSet.Rules[0].When!.Describe());
        Assert.Equal(Segment.WilNiet, ruleSet.Rules[0].Segment);
    }

    [Theory]
    [InlineData("{\"title\": \"T\", \"rules\": []", "geen geldige JSON")]
    [InlineData("[]", "JSON-object")]
    [InlineData("{\"title\": \"T\"}", "lijst 'rules'")]
    [InlineData("{\"title\": \"T\", \"rules\": [], \"versie\": 2}", "onbekend veld 'versie'")]
    public void A_rule_set_that_cannot_be_read_is_refused_with_a_dutch_reason(string json, string reason)
    {
        var error = Assert.Throws<RuleSetFormatException>(() => RuleSetParser.Parse(json));
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("""{"id": "r", "description": "d", "segment": "misschien"}""", "onbekend segment 'misschien'")]
    [InlineData("""{"id": "r", "segment": "kan-niet"}""", "'description' ontbreekt")]
    [InlineData("""{"id": "r", "description": "d", "segment": "kan-niet", "then": "x"}""", "onbekend veld 'then'")]
    [InlineData("""{"id": "r", "description": "d", "segment": "kan-niet", "when": {"fact": "claims", "op": "=~", "value": 1}}""", "onbekende vergelijking '=~'")]
    [InlineData("""{"id": "r", "description": "d", "segment": "kan-niet", "when": {"fact": "claims", "op": ">", "value": 1.5}}""", "geheel getal")]
    [InlineData("""{"id": "r", "description": "d", "segment": "kan-niet", "when": {"fact": "claims", "op": ">", "value": "1"}}""", "geheel getal")]
    [InlineData("""{"id": "r", "description": "d", "segment": "kan-niet", "when": {"fact": "claims", "op": ">"}}""", "precies de velden fact, op en value")]
    [InlineData("""{"id": "r", "description": "d", "segment": "kan-niet", "when": {"all": []}}""", "niet-lege lijst")]
    [InlineData("""{"id": "r", "description": "d", "segment": "kan-niet", "when": {"all": [], "any": []}}""", "precies de velden")]
    public void A_rule_of_the_wrong_shape_is_refused_naming_the_rule(string rule, string reason)
    {
        var error = Assert.Throws<RuleSetFormatException>(() => RuleSetParser.Parse(WithRule(rule)));
        Assert.Contains(reason, error.Message);
        Assert.Contains("regel", error.Message);
    }
}
