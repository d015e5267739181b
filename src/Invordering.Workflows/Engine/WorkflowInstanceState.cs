namespace Invordering.Workflows;

/// <summary>The persisted state of one case's workflow: what the engine takes in and gives back on every advance.</summary>
public sealed record WorkflowInstanceState
{
    /// <summary>The definition the instance runs on.</summary>
    public required string DefinitionId { get; init; }

    /// <summary>The definition version the instance runs on; it keeps that version until migrated.</summary>
    public required int DefinitionVersion { get; init; }

    /// <summary>The step the instance is in; while paused, the step that is entered again on resume.</summary>
    public string? CurrentStepId { get; init; }

    /// <summary>Where the instance stands.</summary>
    public WorkflowStatus Status { get; init; }

    /// <summary>The date the timer fires when <see cref="Status"/> is <see cref="WorkflowStatus.Waiting"/>; null otherwise.</summary>
    public DateOnly? WakeUp { get; init; }

    /// <summary>The date the current step was entered (used to recompute timers when migrating).</summary>
    public DateOnly? StepEnteredOn { get; init; }

    /// <summary>The holds keeping the instance paused (for example <c>regeling</c>, <c>kwijtschelding</c>); empty when not paused.</summary>
    public IReadOnlyList<string> Holds { get; init; } = [];

    /// <summary>The date of the last aanmaning issued by this instance.</summary>
    public DateOnly? LastDemandDate { get; init; }

    /// <summary>The date of the last dwangbevel issued by this instance.</summary>
    public DateOnly? LastWritDate { get; init; }

    /// <summary>How the case ended, once completed with an outcome.</summary>
    public CaseOutcome? Outcome { get; init; }

    /// <summary>The Dutch reason the instance failed, when <see cref="Status"/> is <see cref="WorkflowStatus.Failed"/>.</summary>
    public string? FailureReason { get; init; }

    /// <summary>The pause reason for display: the holds joined, or null when not paused.</summary>
    public string? PauseReason => Holds.Count == 0 ? null : string.Join(", ", Holds);

    /// <summary>Whether the instance still has work ahead of it.</summary>
    public bool IsActive => Status is not (WorkflowStatus.Completed or WorkflowStatus.Failed);

    /// <summary>A fresh instance of <paramref name="definition"/>, ready for the <see cref="WorkflowTrigger.Start"/> trigger.</summary>
    public static WorkflowInstanceState New(WorkflowDefinition definition) => new()
    {
        DefinitionId = definition.Id,
        DefinitionVersion = definition.Version,
        Status = WorkflowStatus.NotStarted,
    };
}
