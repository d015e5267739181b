using Invordering.Domain.Segmentation;

namespace Invordering.Domain.Tests.Segmentation;

public sealed class SegmentExplainerTests
{
    private static readonly RuleSet Rules = RuleSet.Load("""
        {"title": "T", "rules": [
          {"id": "dwang", "description": "Betaalt pas onder dwang.", "segment": "wil-niet",
           "when": {"all": [{"fact": "paidAfterWrit", "op": ">=", "value": 2}, {"not": {"fact": "onTimePercent", "op": ">=", "value": 50}}]}},
          {"id": "beslag-of-oninbaar", "description": "Er was niets te halen.", "segment": "kan-niet",
           "when": {"any": [{"fact": "seizureWithoutResult", "op": ">", "value": 0}, {"fact": "writtenOff", "op": ">", "value": 0}]}},
          {"id": "standaard", "description": "Kan én wil betalen.", "segment": "kan-en-wil"}
        ]}
        """);

    private static readonly DateOnly CountedOn = new(2026, 3, 9);

    private static Dictionary<string, long> Facts(params (string Name, long Value)[] set)
    {
        var facts = SegmentationFacts.All.ToDictionary(f => f.Name, _ => 0L);
        foreach (var (name, value) in set) facts[name] = value;
        return facts;
    }

    [Fact]
    public void An_explanation_names_segment_rule_version_and_the_facts_against_what_the_rule_asks()
    {
        var explanation = SegmentExplainer.Explain(Rules, 4, "dwang", Facts(("paidAfterWrit", 3), ("onTimePercent", 20)), CountedOn);

        Assert.Equal((Segment.WilNiet, "dwang", 4), (explanation.Segment, explanation.RuleId, explanation.RuleSetVersion));
        Assert.Equal(
        [
            "Kan maar wil niet betalen (wil-niet), volgens regel 'dwang' van regelset versie 4: Betaalt pas onder dwang.",
            "Aantal pas na een dwangbevel of later betaald (na-dwangbevel, na-hernieuwd-bevel of deurwaarder-betaald): 3 (de regel vraagt minstens 2).",
            "Percentage op tijd betaald: 20 (de regel vraagt: niet minstens 50).",
            "Geteld over de betaalhistorie en de hier afgesloten zaken van de 3 jaar tot 09-03-2026, en over de huidige aanslagen.",
        ], explanation.Reasons);
    }

    [Fact]
    public void For_any_only_the_comparisons_that_held_are_reasons_and_the_rules_before_are_named()
    {
        var explanation = SegmentExplainer.Explain(Rules, 1, "beslag-of-oninbaar", Facts(("writtenOff", 1)), CountedOn);

        Assert.Contains("Aantal vorderingen oninbaar verklaard (oninbaar): 1 (de regel vraagt meer dan 0).", explanation.Reasons);
        Assert.DoesNotContain(explanation.Reasons, r => r.Contains("beslag zonder resultaat", StringComparison.Ordinal));
        Assert.Contains("De regels die eerder in de volgorde staan, waren niet van toepassing (dwang).", explanation.Reasons);
    }

    [Fact]
    public void The_default_rule_says_no_other_rule_applied()
    {
        var explanation = SegmentExplainer.Explain(Rules, 1, "standaard", Facts(), CountedOn);

        Assert.Equal(Segment.KanEnWil, explanation.Segment);
        Assert.Contains("Geen van de andere regels was van toepassing (dwang, beslag-of-oninbaar).", explanation.Reasons);
    }

    [Fact]
    public void A_rule_the_version_does_not_have_cannot_be_explained()
    {
        Assert.Throws<ArgumentException>(() => SegmentExplainer.Explain(Rules, 1, "bestaat-niet", Facts(), CountedOn));
    }

    [Fact]
    public void Every_fact_has_a_dutch_description_and_a_unique_name()
    {
        Assert.Equal(SegmentationFacts.All.Count, SegmentationFacts.All.Select(f => f.Name).Distinct().Count());
        Assert.All(SegmentationFacts.All, f => Assert.False(string.IsNullOrWhiteSpace(f.Description)));
    }
}
