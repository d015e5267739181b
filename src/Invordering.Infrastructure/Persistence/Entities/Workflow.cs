namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>A stored version of a workflow definition (draft, published or retired).</summary>
public sealed class WorkflowDefinitionRecord
{
    public long Id { get; set; }
    public required string WorkflowId { get; set; }
    public int Version { get; set; }
    public required string Status { get; set; }
    public required string Title { get; set; }
    public required string Segment { get; set; }
    public required string Definition { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public DateTimeOffset? RetiredAt { get; set; }
    public string? RetiredBy { get; set; }
}

/// <summary>The state of one case's workflow: pinned version, current step, wake-up date.</summary>
public sealed class WorkflowInstanceRecord
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long DefinitionId { get; set; }
    public required string CurrentStep { get; set; }
    public required string Status { get; set; }
    public DateOnly? WakeOn { get; set; }
    public required string State { get; set; }
    public int RowVersion { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>An append-only journal line: the case timeline and why each thing happened.</summary>
public sealed class JournalRecord
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long? InstanceId { get; set; }
    public DateOnly OccurredOn { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Kind { get; set; }
    public string? StepId { get; set; }
    public required string Actor { get; set; }
    public required string Reason { get; set; }
    public string? Data { get; set; }
}

/// <summary>A workflow step that kept failing, parked for staff to retry or skip.</summary>
public sealed class WorkflowIncident
{
    public long Id { get; set; }
    public long InstanceId { get; set; }
    public required string StepId { get; set; }
    public required string Error { get; set; }
    public int Attempts { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}

/// <summary>A message whose consumer kept failing: an incident for staff to retry or skip.</summary>
public sealed class MessageIncident
{
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    public long? CaseId { get; set; }
    public required string Error { get; set; }
    public required string Status { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
}
