namespace Invordering.Workflows;

/// <summary>
/// Step type <c>switch</c>: ends this workflow and continues the case in another one, named by workflow id or by
/// segment (the published workflow of that segment). No outcomes.
/// </summary>
public sealed class SwitchStep : WorkflowStep
{
    /// <summary>The workflow id to continue in.</summary>
    public string? Workflow { get; init; }

    /// <summary>The segment whose workflow to continue in.</summary>
    public string? Segment { get; init; }

    /// <inheritdoc />
    public override IEnumerable<StepTransition> Transitions() => [];

    /// <inheritdoc />
    public override StepResult Enter(StepContext context) =>
        StepResult.Complete(null, new SwitchWorkflowEffect(Workflow, Segment));

    /// <inheritdoc />
    public override IEnumerable<ValidationError> Validate(string stepId, ValidationContext context)
    {
        if ((Workflow is null) == (Segment is null))
        {
            yield return ValidationError.ForStep(stepId, "switch-doel", "geef óf een workflow óf een segment op, niet allebei of geen van beide.");
        }

        if (Segment is not null && !SegmentSlug.IsKnown(Segment))
        {
            yield return ValidationError.ForStep(stepId, "onbekend-segment",
                $"segment '{Segment}' bestaat niet; kies uit: {string.Join(", ", SegmentSlug.All)}.");
        }

        if (Workflow == context.Definition.Id || Segment == context.Definition.Segment)
        {
            yield return ValidationError.ForStep(stepId, "switch-naar-zichzelf", "een switch naar dezelfde workflow begint de zaak opnieuw; dat mag niet.");
        }
    }
}
