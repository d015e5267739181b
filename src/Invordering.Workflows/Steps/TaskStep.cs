namespace Invordering.Workflows;

/// <summary>One outcome a person can choose when completing a task, with an optional Dutch label and the step it leads to.</summary>
public sealed record TaskOutcome
{
    /// <summary>The outcome name, such as <c>niet-bereikt</c>.</summary>
    public required string Name { get; init; }

    /// <summary>The Dutch label on the button, such as <c>Niet bereikt</c>.</summary>
    public string? Label { get; init; }

    /// <summary>The step the outcome leads to.</summary>
    public required string Target { get; init; }
}

/// <summary>
/// Step type <c>task</c>: asks a person to phone, visit or review, due within a number of working days, and waits
/// for the outcome they choose. Outcomes: the names in <see cref="Outcomes"/>.
/// </summary>
public sealed class TaskStep : WorkflowStep
{
    /// <summary>The kind of task.</summary>
    public required TaskKind Kind { get; init; }

    /// <summary>The number of working days the task is due within.</summary>
    public required int DueWithinWorkingDays { get; init; }

    /// <summary>The outcomes to choose from, in the order shown.</summary>
    public required IReadOnlyList<TaskOutcome> Outcomes { get; init; }

    /// <inheritdoc />
    public override IEnumerable<StepTransition> Transitions() => Outcomes.Select(o => new StepTransition(o.Name, o.Target));

    /// <inheritdoc />
    public override bool Waits() => true;

    /// <inheritdoc />
    public override StepResult Enter(StepContext context)
    {
        var due = context.WorkingDays.AddWorkingDays(context.Today, DueWithinWorkingDays);
        return StepResult.Suspend(WorkflowStatus.WaitingForTask, null,
            $"Wacht op de uitkomst van taak '{Kind.ToSlug()}'.",
            new CreateTaskEffect(context.StepId, Kind, due, Outcomes, Title));
    }

    /// <inheritdoc />
    public override StepResult Resume(StepContext context, WorkflowTrigger trigger)
    {
        if (trigger is not WorkflowTrigger.TaskCompleted completed)
        {
            return base.Resume(context, trigger);
        }

        return Outcomes.FirstOrDefault(o => o.Name == completed.Outcome) is { } outcome
            ? StepResult.GoTo(outcome.Target)
            : StepResult.Refuse("onbekende-uitkomst",
                $"Stap '{context.StepId}': taakuitkomst '{completed.Outcome}' bestaat niet; kies uit: {string.Join(", ", Outcomes.Select(o => o.Name))}.");
    }

    /// <inheritdoc />
    public override IEnumerable<WorkflowEffect> Interrupt(string stepId) => [new CancelTaskEffect(stepId)];

    /// <inheritdoc />
    public override IEnumerable<ValidationError> Validate(string stepId, ValidationContext context)
    {
        if (Outcomes.Count == 0)
        {
            yield return ValidationError.ForStep(stepId, "geen-uitkomsten", "een taak heeft minstens één uitkomst.");
        }

        foreach (var duplicate in Outcomes.GroupBy(o => o.Name).Where(g => g.Count() > 1))
        {
            yield return ValidationError.ForStep(stepId, "dubbele-uitkomst", $"uitkomst '{duplicate.Key}' staat er meer dan eens.");
        }

        if (Outcomes.Any(o => string.IsNullOrWhiteSpace(o.Name)))
        {
            yield return ValidationError.ForStep(stepId, "naamloze-uitkomst", "elke uitkomst heeft een naam.");
        }

        if (DueWithinWorkingDays < 0)
        {
            yield return ValidationError.ForStep(stepId, "ongeldige-termijn", "de termijn van een taak kan niet negatief zijn.");
        }
    }
}
