namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>A letter as sent: rendered HTML, the data used and its hash; never changed.</summary>
public sealed class Letter
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string TemplateCode { get; set; }
    public int TemplateVersion { get; set; }
    public DateOnly LetterDate { get; set; }
    public DateOnly? PayBy { get; set; }
    public required string Html { get; set; }
    public required string Data { get; set; }
    public required string ContentHash { get; set; }
    public Guid CommandId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A phone call, home visit or review for a person to do.</summary>
public sealed class FieldTask
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long InstanceId { get; set; }
    public required string StepId { get; set; }
    public required string Kind { get; set; }
    public required string Status { get; set; }
    public DateOnly DueDate { get; set; }
    public string? Team { get; set; }
    public string? AssignedTo { get; set; }
    public string? Outcome { get; set; }
    public string? OutcomeNote { get; set; }
    public DateOnly? CompletedOn { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public Guid CommandId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}

/// <summary>A seizure order (beslagopdracht) handed to the external bailiff.</summary>
public sealed class SeizureOrder
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public required string Status { get; set; }
    public long AmountCents { get; set; }
    public Guid CommandId { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
}
