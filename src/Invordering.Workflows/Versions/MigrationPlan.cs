namespace Invordering.Workflows;

/// <summary>The move of running instances from one version of a workflow to another, with an explicit step mapping (old step id to new step id).</summary>
public sealed record MigrationPlan(WorkflowDefinition From, WorkflowDefinition To, IReadOnlyDictionary<string, string> StepMapping);

/// <summary>A stored instance and its row id, as the planner takes and gives them.</summary>
public sealed record RunningInstance(Guid InstanceId, WorkflowInstanceState State);

/// <summary>How many active instances stand on an old step and where the mapping sends them (null: unmapped).</summary>
public sealed record StepMigration(string FromStepId, string? ToStepId, int Instances);

/// <summary>An instance whose wake-up date changes because its wait changes length.</summary>
public sealed record TimerChange(Guid InstanceId, string FromStepId, string ToStepId, DateOnly? OldWakeUp, DateOnly? NewWakeUp);

/// <summary>What a migration would do, without doing it: instances per step, timers that change, and the errors that block it.</summary>
public sealed record MigrationReport(
    IReadOnlyList<StepMigration> Steps,
    IReadOnlyList<TimerChange> TimerChanges,
    IReadOnlyList<ValidationError> Errors,
    int Skipped)
{
    /// <summary>Whether the plan may be applied.</summary>
    public bool CanApply => Errors.Count == 0;
}

/// <summary>An instance after migration, with the journal entry that records the move.</summary>
public sealed record MigratedInstance(Guid InstanceId, WorkflowInstanceState State, JournalEntry Journal);
