namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>A payment plan (betalingsregeling) agreed for a case.</summary>
public sealed class PaymentPlan
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Status { get; set; }
    public DateOnly AgreedOn { get; set; }
    public required string AgreedBy { get; set; }
    public long PaidBeforeCents { get; set; }
    public DateOnly? RemindedOn { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>One monthly term of a payment plan.</summary>
public sealed class PaymentPlanInstalment
{
    public long PlanId { get; set; }
    public short Sequence { get; set; }
    public DateOnly DueDate { get; set; }
    public long AmountCents { get; set; }
}

/// <summary>A request for remission (kwijtschelding): pending, granted or refused by a staff member.</summary>
public sealed class RemissionRequest
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Status { get; set; }
    public DateOnly RequestedOn { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public string? DecidedBy { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
