namespace Invordering.Workflows;

/// <summary>Step type <c>wait</c>: waits a number of calendar or working days. Outcome <c>next</c>.</summary>
public sealed class WaitStep : WorkflowStep
{
    /// <summary>How many days to wait.</summary>
    public required int Days { get; init; }

    /// <summary>Whether <see cref="Days"/> are calendar or working days.</summary>
    public required WaitKind Kind { get; init; }

    /// <summary>The step after the wait.</summary>
    public required string Next { get; init; }

    /// <inheritdoc />
    public override IEnumerable<StepTransition> Transitions() => [new("next", Next)];

    /// <inheritdoc />
    public override bool Waits() => true;

    /// <summary>
    /// The fewest calendar days the wait takes: its days for calendar waits; for working days a full week for
    /// every five, plus the rest (holidays only make it longer).
    /// </summary>
    public override int MinimumDays() => Kind == WaitKind.Calendar ? Days : 7 * (Days / 5) + Days % 5;

    /// <summary>The date the wait ends when it started on <paramref name="enteredOn"/>.</summary>
    public DateOnly WakeUpFor(DateOnly enteredOn, IWorkingDays workingDays) =>
        Kind == WaitKind.Calendar ? enteredOn.AddDays(Days) : workingDays.AddWorkingDays(enteredOn, Days);

    /// <inheritdoc />
    public override StepResult Enter(StepContext context)
    {
        var wakeUp = WakeUpFor(context.Today, context.WorkingDays);
        var unit = Kind == WaitKind.Calendar ? "kalenderdagen" : "werkdagen";
        return StepResult.Suspend(WorkflowStatus.Waiting, wakeUp, $"Wacht {Days} {unit}, tot {DutchDate.Format(wakeUp)}.");
    }

    /// <inheritdoc />
    public override StepResult Resume(StepContext context, WorkflowTrigger trigger) =>
        trigger is WorkflowTrigger.TimerDue ? StepResult.GoTo(Next) : base.Resume(context, trigger);

    /// <inheritdoc />
    public override IEnumerable<ValidationError> Validate(string stepId, ValidationContext context)
    {
        if (Days < 1)
        {
            yield return ValidationError.ForStep(stepId, "ongeldige-termijn", "een wachtstap wacht minstens 1 dag.");
        }
    }
}
