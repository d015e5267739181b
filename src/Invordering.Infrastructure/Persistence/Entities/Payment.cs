namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>A payment (betaling) received, or a reversal (storno) of one.</summary>
public sealed class Payment
{
    public long Id { get; set; }
    public required string TransactionId { get; set; }
    public DateOnly BookingDate { get; set; }
    public long AmountCents { get; set; }
    public string? PaymentReference { get; set; }
    public string? Description { get; set; }
    public string? CounterpartyIban { get; set; }
    public string? CounterpartyName { get; set; }
    public string? EndToEndId { get; set; }
    public long? AssessmentId { get; set; }
    public required string Status { get; set; }
    public long? ReversalOf { get; set; }
    public long BatchId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>How one claim of the previous system ended: the input of segmentation.</summary>
public sealed class PaymentHistoryEntry
{
    public long Id { get; set; }
    public string? Bsn { get; set; }
    public string? Kvk { get; set; }
    public short TaxYear { get; set; }
    public required string AssessmentNumber { get; set; }
    public long AmountCents { get; set; }
    public required string Outcome { get; set; }
    public int? DaysLate { get; set; }
    public DateOnly? SettledOn { get; set; }
    public long BatchId { get; set; }
}
