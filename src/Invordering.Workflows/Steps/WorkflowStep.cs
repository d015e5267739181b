namespace Invordering.Workflows;

/// <summary>A named outcome of a step and the step it leads to.</summary>
public sealed record StepTransition(string Outcome, string Target);

/// <summary>
/// A step type: one small class with typed parameters (read from the definition file) and named outcomes,
/// in the style of an Elsa 3 activity. The engine enters it, and resumes it when the trigger it waits for arrives.
/// </summary>
public abstract class WorkflowStep
{
    /// <summary>An optional Dutch title shown to staff and in the journal.</summary>
    public string? Title { get; init; }

    /// <summary>The named outcomes of this step with their target steps.</summary>
    public abstract IEnumerable<StepTransition> Transitions();

    /// <summary>Whether the engine stops in this step to wait (for a date, a person or the bailiff).</summary>
    public virtual bool Waits() => false;

    /// <summary>The fewest calendar days that pass in this step on any run (used by the legal term checks).</summary>
    public virtual int MinimumDays() => 0;

    /// <summary>Runs the step when the engine enters it.</summary>
    public abstract StepResult Enter(StepContext context);

    /// <summary>Continues the step when the trigger it waits for arrives; refuses any other trigger.</summary>
    public virtual StepResult Resume(StepContext context, WorkflowTrigger trigger) =>
        StepResult.Refuse("trigger-past-niet", $"Stap '{context.StepId}' wacht niet op {trigger.Describe()}.");

    /// <summary>The effects that undo what the step left open when the instance pauses or ends while waiting here.</summary>
    public virtual IEnumerable<WorkflowEffect> Interrupt(string stepId) => [];

    /// <summary>Checks the step's own parameters; structural and legal checks live in <see cref="WorkflowValidator"/>.</summary>
    public virtual IEnumerable<ValidationError> Validate(string stepId, ValidationContext context) => [];
}
