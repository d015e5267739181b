using System.Text.RegularExpressions;

namespace Invordering.Domain.Segmentation;

/// <summary>A problem in a rule set: the rule it is in (if any), a stable code and a Dutch message.</summary>
public sealed record RuleSetError(string? RuleId, string Code, string Message)
{
    public override string ToString() => RuleId is null ? Message : $"Regel '{RuleId}': {Message}";
}

/// <summary>
/// Checks what a rule set means: unique ids, a description for every rule, known facts, no negative
/// values, and exactly one default rule (without a condition), last, so that every debtor gets a segment.
/// </summary>
public static partial class RuleSetValidator
{
    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex RuleIdPattern();

    public static IReadOnlyList<RuleSetError> Validate(RuleSet ruleSet)
    {
        var errors = new List<RuleSetError>();
        if (string.IsNullOrWhiteSpace(ruleSet.Title)) errors.Add(new(null, "titel-ontbreekt", "De regelset heeft een titel nodig."));
        if (ruleSet.Rules.Count == 0)
        {
            errors.Add(new(null, "geen-regels", "De regelset heeft geen regels."));
            return errors;
        }

        foreach (var duplicate in ruleSet.Rules.GroupBy(r => r.Id).Where(g => g.Count() > 1))
            errors.Add(new(duplicate.Key, "dubbele-id", "deze id komt meer dan eens voor; elke regel heeft een eigen id."));

        foreach (var rule in ruleSet.Rules)
        {
            if (!RuleIdPattern().IsMatch(rule.Id))
                errors.Add(new(rule.Id, "ongeldige-id", "een id bestaat uit kleine letters, cijfers en streepjes."));
            if (string.IsNullOrWhiteSpace(rule.Description))
                errors.Add(new(rule.Id, "omschrijving-ontbreekt", "elke regel heeft een omschrijving in gewone taal nodig."));
            foreach (var comparison in rule.When?.Comparisons ?? [])
            {
                if (SegmentationFacts.Find(comparison.Fact) is null)
                    errors.Add(new(rule.Id, "onbekend-feit",
                        $"onbekend feit '{comparison.Fact}'; bekende feiten: {string.Join(", ", SegmentationFacts.All.Select(f => f.Name))}."));
                if (comparison.Value < 0)
                    errors.Add(new(rule.Id, "negatieve-waarde", $"'{comparison.Fact}' is nooit negatief; vergelijk met 0 of meer."));
            }
        }

        var defaults = ruleSet.Rules.Where(r => r.IsDefault).ToList();
        if (!ruleSet.Rules[^1].IsDefault)
            errors.Add(new(ruleSet.Rules[^1].Id, "standaardregel-ontbreekt",
                "de laatste regel is de standaardregel, zonder 'when', zodat elke debiteur een klantgroep krijgt."));
        foreach (var early in defaults.Where(r => !ReferenceEquals(r, ruleSet.Rules[^1])))
            errors.Add(new(early.Id, "standaardregel-niet-laatst",
                "een regel zonder 'when' geldt altijd; de regels erna worden dan nooit bereikt. Zet hem als laatste."));
        return errors;
    }
}
