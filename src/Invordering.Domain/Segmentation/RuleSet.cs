namespace Invordering.Domain.Segmentation;

/// <summary>
/// An ordered list of segmentation rules: the first rule that holds for a debtor's facts decides the
/// segment; the last rule is the default and always holds.
/// </summary>
public sealed record RuleSet(string Title, IReadOnlyList<SegmentationRule> Rules)
{
    /// <summary>Reads a rule set from its JSON form and validates it; throws <see cref="RuleSetFormatException"/> with every problem.</summary>
    public static RuleSet Load(string json)
    {
        var ruleSet = RuleSetParser.Parse(json);
        var errors = RuleSetValidator.Validate(ruleSet);
        if (errors.Count > 0)
            throw new RuleSetFormatException("De regelset klopt niet: " + string.Join(" ", errors.Select(e => e.ToString())), errors);
        return ruleSet;
    }

    /// <summary>The first rule that holds for <paramref name="facts"/>.</summary>
    public SegmentationRule Evaluate(IReadOnlyDictionary<string, long> facts) => Rules.First(r => r.Holds(facts));

    /// <summary>The rule with id <paramref name="ruleId"/>, or null.</summary>
    public SegmentationRule? Find(string ruleId) => Rules.FirstOrDefault(r => r.Id == ruleId);

    /// <summary>The rules before <paramref name="rule"/> in the order, which did not hold when it fired.</summary>
    public IEnumerable<SegmentationRule> RulesBefore(SegmentationRule rule) => Rules.TakeWhile(r => r.Id != rule.Id);
}
