namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>An assessment (aanslag): what a debtor owes for one tax year.</summary>
public sealed class Assessment
{
    public long Id { get; set; }
    public required string AssessmentNumber { get; set; }
    public long DebtorId { get; set; }
    public short TaxYear { get; set; }
    public DateOnly IssueDate { get; set; }
    public DateOnly DueDate { get; set; }
    public short Instalments { get; set; }
    public bool DirectDebit { get; set; }
    public long AmountCents { get; set; }
    public long PaidCents { get; set; }
    public required string PaymentReference { get; set; }
    public string? TaxKind { get; set; }
    public long ContentHash { get; set; }
    public long BatchId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    public long OpenCents => Math.Max(0, AmountCents - PaidCents);
}
