using Invordering.Domain;

namespace Invordering.Infrastructure.Segmentation;

/// <summary>
/// A debtor's segment as a person reviews it: the effective segment and where it comes from
/// (<c>override</c>, <c>regel</c> or <c>standaard</c> when never segmented), the reasons in plain Dutch,
/// the computed segment with its rule, rule-set version and facts, and the override in force, if any.
/// </summary>
public sealed record DebtorSegmentView(
    long DebtorId,
    string Segment,
    string SegmentName,
    string Source,
    IReadOnlyList<string> Reasons,
    ComputedSegmentView? Computed,
    SegmentOverrideView? Override);

/// <summary>The segment the rules gave: the rule that fired, the rule-set version that made it and the facts it saw.</summary>
public sealed record ComputedSegmentView(
    string Segment,
    string RuleId,
    string RuleDescription,
    int RuleSetVersion,
    DateOnly SegmentedOn,
    DateTimeOffset SegmentedAt,
    IReadOnlyList<string> Reasons,
    IReadOnlyList<FactView> Facts);

/// <summary>One fact as the rule saw it, with its meaning in Dutch.</summary>
public sealed record FactView(string Name, string Description, long Value);

/// <summary>A person's override of the segment.</summary>
public sealed record SegmentOverrideView(long Id, string Segment, string Reason, DateOnly? EndsOn, string Actor, DateTimeOffset CreatedAt);

/// <summary>What a staff member asks for when overriding a segment.</summary>
public sealed record SegmentOverrideRequest(string? Segment, string? Reason, DateOnly? EndsOn)
{
    /// <summary>The problems with the request per field, in Dutch; empty when it is fine.</summary>
    public Dictionary<string, string[]> Validate(DateOnly today)
    {
        var errors = new Dictionary<string, string[]>();
        if (!Invordering.Domain.Segment.TryParseSlug(Segment ?? "", out _))
            errors["segment"] = ["Kies een klantgroep: kan-en-wil, wil-niet of kan-niet."];
        if (string.IsNullOrWhiteSpace(Reason))
            errors["reason"] = ["Geef een reden op: waarom wijkt deze klantgroep af van de berekende?"];
        if (EndsOn is { } endsOn && endsOn < today)
            errors["endsOn"] = [$"De einddatum ligt in het verleden; kies {today:dd-MM-yyyy} of later, of laat haar leeg."];
        return errors;
    }
}

/// <summary>What a segmentation run for every debtor did.</summary>
public sealed record SegmentationRunSummary(
    int RuleSetVersion,
    long Debtors,
    long Changed,
    IReadOnlyDictionary<string, long> PerSegment,
    long ActiveOverrides,
    TimeSpan Duration,
    IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases);

/// <summary>What re-segmenting one debtor, or overriding their segment, changed.</summary>
public sealed record SegmentChange(string Before, string After, IReadOnlyList<MovedCase> MovedCases, DebtorSegmentView View);
