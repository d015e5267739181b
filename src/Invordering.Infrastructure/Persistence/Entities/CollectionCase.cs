using Invordering.Domain;

namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>A collection case (invorderingszaak): one unpaid assessment being collected.</summary>
public sealed class CollectionCase
{
    public long Id { get; set; }
    public long AssessmentId { get; set; }
    public long DebtorId { get; set; }
    public DateOnly OpenedOn { get; set; }
    public required string Status { get; set; }
    public string? Outcome { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public required string Segment { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A collection cost charged on a case (aanmaning, dwangbevel, ...).</summary>
public sealed class CaseCost
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Kind { get; set; }
    public long AmountCents { get; set; }
    public DateOnly ChargedOn { get; set; }
    public string? Reason { get; set; }
    public Guid CommandId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A dated row of the Kostenwet tariff table, in cents.</summary>
public sealed class CostTariffRecord
{
    public DateOnly ValidFrom { get; set; }
    public long DemandThresholdCents { get; set; }
    public long DemandBelowCents { get; set; }
    public long DemandAtOrAboveCents { get; set; }
    public long WritMinimumCents { get; set; }
    public long WritMaximumCents { get; set; }
    public long WritStepCents { get; set; }
    public long WritStepSizeCents { get; set; }
    public long WritBaseClaimCents { get; set; }
    public long RenewedWritCents { get; set; }
    public string CreatedBy { get; set; } = "systeem";
    public DateTimeOffset CreatedAt { get; set; }

    public CostTariff ToTariff() => new(ValidFrom, new Money(DemandThresholdCents), new Money(DemandBelowCents),
        new Money(DemandAtOrAboveCents), new Money(WritMinimumCents), new Money(WritMaximumCents), new Money(WritStepCents),
        new Money(WritStepSizeCents), new Money(WritBaseClaimCents), new Money(RenewedWritCents));
}
