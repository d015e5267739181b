using Invordering.Domain.Segmentation;

namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>A stored version of the segmentation rule set (draft, published or retired).</summary>
public sealed class SegmentationRuleSetRecord
{
    public long Id { get; set; }
    public int Version { get; set; }
    public required string Status { get; set; }
    public required string Title { get; set; }
    public required string Definition { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>
/// The segmentation facts as columns (see SegmentationFacts): the same columns in debtor_facts and,
/// as the facts a rule saw, in debtor_segments.
/// </summary>
public abstract class SegmentationFactColumns
{
    public int Claims { get; set; }
    public int OnTime { get; set; }
    public int OnTimePercent { get; set; }
    public int PaidByReminderPercent { get; set; }
    public int AfterReminder { get; set; }
    public int AfterDemand { get; set; }
    public int AfterWrit { get; set; }
    public int AfterRenewedWrit { get; set; }
    public int PaidToBailiff { get; set; }
    public int PaidAfterWrit { get; set; }
    public int SeizureWithoutResult { get; set; }
    public int PaymentPlanKept { get; set; }
    public int PaymentPlanLapsed { get; set; }
    public int RemissionGranted { get; set; }
    public int RemissionGrantedLastYear { get; set; }
    public int RemissionRefused { get; set; }
    public int WrittenOff { get; set; }
    public int AverageDaysLate { get; set; }
    public int DirectDebitAssessments { get; set; }

    /// <summary>The facts by their names in the rule set.</summary>
    public IReadOnlyDictionary<string, long> ToFacts() => new Dictionary<string, long>
    {
        [SegmentationFacts.Claims] = Claims,
        [SegmentationFacts.OnTime] = OnTime,
        [SegmentationFacts.OnTimePercent] = OnTimePercent,
        [SegmentationFacts.PaidByReminderPercent] = PaidByReminderPercent,
        [SegmentationFacts.AfterReminder] = AfterReminder,
        [SegmentationFacts.AfterDemand] = AfterDemand,
        [SegmentationFacts.AfterWrit] = AfterWrit,
        [SegmentationFacts.AfterRenewedWrit] = AfterRenewedWrit,
        [SegmentationFacts.PaidToBailiff] = PaidToBailiff,
        [SegmentationFacts.PaidAfterWrit] = PaidAfterWrit,
        [SegmentationFacts.SeizureWithoutResult] = SeizureWithoutResult,
        [SegmentationFacts.PaymentPlanKept] = PaymentPlanKept,
        [SegmentationFacts.PaymentPlanLapsed] = PaymentPlanLapsed,
        [SegmentationFacts.RemissionGranted] = RemissionGranted,
        [SegmentationFacts.RemissionGrantedLastYear] = RemissionGrantedLastYear,
        [SegmentationFacts.RemissionRefused] = RemissionRefused,
        [SegmentationFacts.WrittenOff] = WrittenOff,
        [SegmentationFacts.AverageDaysLate] = AverageDaysLate,
        [SegmentationFacts.DirectDebitAssessments] = DirectDebitAssessments,
    };
}

/// <summary>The facts about one debtor the segmentation rules looked at in the latest run.</summary>
public sealed class DebtorFactsRecord : SegmentationFactColumns
{
    public long DebtorId { get; set; }
    public DateOnly ComputedOn { get; set; }
}

/// <summary>A debtor's computed segment: the rule that fired, the rule-set version and the facts it saw. A change is a new row.</summary>
public sealed class DebtorSegmentRecord : SegmentationFactColumns
{
    public long Id { get; set; }
    public long DebtorId { get; set; }
    public required string Segment { get; set; }
    public required string RuleId { get; set; }
    public int RuleSetVersion { get; set; }
    public bool IsCurrent { get; set; }
    public DateOnly SegmentedOn { get; set; }
    public DateTimeOffset SegmentedAt { get; set; }
}

/// <summary>A person's correction of a debtor's segment, with a reason and an optional last day.</summary>
public sealed class DebtorSegmentOverride
{
    public long Id { get; set; }
    public long DebtorId { get; set; }
    public required string Segment { get; set; }
    public required string Reason { get; set; }
    public DateOnly? EndsOn { get; set; }
    public required string Actor { get; set; }
    public DateOnly CreatedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
