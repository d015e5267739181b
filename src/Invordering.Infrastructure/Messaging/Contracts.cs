namespace Invordering.Infrastructure.Messaging.Contracts;

// The messages between the workflow runtime and the services that do the work. Every command
// carries a CommandId: the unique key of the effect it causes, so a command handled twice
// (redelivery, a replayed outbox row) still yields one letter, one cost, one task.

/// <summary>A payment was matched to an assessment (or a reversal undid one).</summary>
public sealed record PaymentReceived(long PaymentId, long AssessmentId, long AmountCents, DateOnly BookingDate);

/// <summary>Command: render and store a letter for a case.</summary>
public sealed record IssueLetter(Guid CommandId, long CaseId, long InstanceId, string TemplateCode,
    string? CostKind, string? CostReason, DateOnly LetterDate, DateOnly? PayBy);

/// <summary>A letter was stored.</summary>
public sealed record LetterIssued(Guid CommandId, long CaseId, long LetterId, string TemplateCode);

/// <summary>Command: create a phone or home-visit task for a person.</summary>
public sealed record CreateFieldTask(Guid CommandId, long CaseId, long InstanceId, string StepId, string Kind, DateOnly DueDate);

/// <summary>A person chose the outcome of a task.</summary>
public sealed record TaskCompleted(long TaskId, long CaseId, string Outcome, string Actor);

/// <summary>Command: hand a seizure order (beslagopdracht) to the external bailiff.</summary>
public sealed record SendSeizureOrder(Guid CommandId, long CaseId, long InstanceId, string StepId);

/// <summary>Command: cancel the open task of a case (the workflow paused or ended).</summary>
public sealed record CancelFieldTask(Guid CommandId, long CaseId, string StepId);

/// <summary>Command: recall a seizure order because the debtor paid.</summary>
public sealed record RecallSeizureOrder(Guid CommandId, long CaseId);

/// <summary>The bailiff reported on a seizure order.</summary>
public sealed record BailiffResultReceived(long SeizureOrderId, long CaseId, string Outcome, long PaidCents);
