namespace Invordering.Domain.Segmentation;

/// <summary>
/// One rule of a rule set: when its condition holds (and no earlier rule held), the debtor is in its segment.
/// The default rule, last in the set, has no condition.
/// </summary>
public sealed record SegmentationRule(string Id, string Description, RuleCondition? When, Segment Segment)
{
    /// <summary>Whether this is the default rule, which always holds.</summary>
    public bool IsDefault => When is null;

    /// <summary>Whether the rule holds for <paramref name="facts"/>.</summary>
    public bool Holds(IReadOnlyDictionary<string, long> facts) => When?.Holds(facts) ?? true;
}
