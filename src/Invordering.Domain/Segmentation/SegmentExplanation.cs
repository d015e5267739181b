namespace Invordering.Domain.Segmentation;

/// <summary>Why a debtor is in a segment: the rule that fired and the reasons in plain Dutch, derived from the rule and the facts it saw.</summary>
public sealed record SegmentExplanation(Segment Segment, string RuleId, string RuleDescription, int RuleSetVersion, IReadOnlyList<string> Reasons);

/// <summary>Builds the plain-Dutch explanation of a segment from its rule set, rule and facts.</summary>
public static class SegmentExplainer
{
    /// <summary>
    /// Explains the segment rule <paramref name="ruleId"/> of <paramref name="ruleSet"/> (version
    /// <paramref name="version"/>) gave for <paramref name="facts"/>, counted back from <paramref name="countedOn"/>.
    /// </summary>
    public static SegmentExplanation Explain(RuleSet ruleSet, int version, string ruleId, IReadOnlyDictionary<string, long> facts, DateOnly countedOn)
    {
        var rule = ruleSet.Find(ruleId)
            ?? throw new ArgumentException($"Regel '{ruleId}' bestaat niet in regelset versie {version}.", nameof(ruleId));
        var reasons = new List<string>
        {
            $"{rule.Segment.DisplayName} ({rule.Segment.ToSlug()}), volgens regel '{rule.Id}' van regelset versie {version}: {rule.Description}",
        };
        if (rule.When is not null) reasons.AddRange(Reasons(rule.When, facts, negated: false));

        var before = ruleSet.RulesBefore(rule).Select(r => r.Id).ToList();
        if (before.Count > 0)
            reasons.Add(rule.IsDefault
                ? $"Geen van de andere regels was van toepassing ({string.Join(", ", before)})."
                : $"De regels die eerder in de volgorde staan, waren niet van toepassing ({string.Join(", ", before)}).");
        reasons.Add($"Geteld over de betaalhistorie en de hier afgesloten zaken van de {SegmentationFacts.HistoryYears} jaar tot {countedOn:dd-MM-yyyy}, en over de huidige aanslagen.");
        return new SegmentExplanation(rule.Segment, rule.Id, rule.Description, version, reasons);
    }

    /// <summary>One line per fact comparison that made the condition hold.</summary>
    private static IEnumerable<string> Reasons(RuleCondition condition, IReadOnlyDictionary<string, long> facts, bool negated) => condition switch
    {
        FactComparison c => [Line(c, facts, negated)],
        AllConditions all => all.Conditions.SelectMany(c => Reasons(c, facts, negated)),
        AnyConditions any => any.Conditions.Where(c => HoldsSafely(c, facts) != negated).SelectMany(c => Reasons(c, facts, negated)),
        NotCondition not => Reasons(not.Inner, facts, !negated),
        _ => [],
    };

    private static string Line(FactComparison comparison, IReadOnlyDictionary<string, long> facts, bool negated)
    {
        var description = SegmentationFacts.Find(comparison.Fact)?.Description ?? comparison.Fact;
        var value = facts.TryGetValue(comparison.Fact, out var actual) ? actual.ToString(System.Globalization.CultureInfo.InvariantCulture) : "onbekend";
        var asked = comparison.Op.InWords(comparison.Value);
        return negated
            ? $"{description}: {value} (de regel vraagt: niet {asked})."
            : $"{description}: {value} (de regel vraagt {asked}).";
    }

    private static bool HoldsSafely(RuleCondition condition, IReadOnlyDictionary<string, long> facts) =>
        condition.Comparisons.All(c => facts.ContainsKey(c.Fact)) && condition.Holds(facts);
}
