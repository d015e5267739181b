namespace Invordering.Workflows;

/// <summary>Why an advance did not go as asked; Dutch message naming the step where there is one.</summary>
public sealed record WorkflowError(string? StepId, string Code, string Message);

/// <summary>What one advance produced: the new state, the effects to carry out and the journal entries to append.</summary>
public sealed record AdvanceResult(
    WorkflowInstanceState State,
    IReadOnlyList<WorkflowEffect> Effects,
    IReadOnlyList<JournalEntry> Journal)
{
    /// <summary>The error when the trigger was refused or the instance failed; null when all went well.</summary>
    public WorkflowError? Error { get; init; }

    /// <summary>
    /// True when the trigger did not fit (a stale timer, an event for a finished instance, an unknown task
    /// outcome): the state is unchanged, there are no effects or journal entries, and the caller drops the trigger.
    /// </summary>
    public bool Refused { get; init; }
}
