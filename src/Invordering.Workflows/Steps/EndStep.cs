namespace Invordering.Workflows;

/// <summary>Step type <c>end</c>: closes the case with an outcome. No outcomes of its own.</summary>
public sealed class EndStep : WorkflowStep
{
    /// <summary>How the case ends.</summary>
    public required CaseOutcome Outcome { get; init; }

    /// <inheritdoc />
    public override IEnumerable<StepTransition> Transitions() => [];

    /// <inheritdoc />
    public override StepResult Enter(StepContext context) => StepResult.Complete(Outcome);
}
