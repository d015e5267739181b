namespace Invordering.Workflows;

/// <summary>
/// Step type <c>letter</c>: sends a letter from a template, optionally charging statutory costs, with a payment term.
/// Outcome <c>next</c>. Before a dwangbevel it checks the legal term since the aanmaning, and waits for it if needed.
/// </summary>
public sealed class LetterStep : WorkflowStep
{
    /// <summary>The letter template code, such as <c>aanmaning</c>.</summary>
    public required string Template { get; init; }

    /// <summary>The statutory costs the letter charges, if any.</summary>
    public CostKind? Cost { get; init; }

    /// <summary>Why this letter charges costs where the segment normally forbids them (kan-niet).</summary>
    public string? CostReason { get; init; }

    /// <summary>The payment term in calendar days, counted from the letter's date.</summary>
    public int? PayWithinDays { get; init; }

    /// <summary>The step after the letter.</summary>
    public required string Next { get; init; }

    /// <inheritdoc />
    public override IEnumerable<StepTransition> Transitions() => [new("next", Next)];

    /// <inheritdoc />
    public override StepResult Enter(StepContext context)
    {
        if (CheckLegalOrder(context) is { } stop)
        {
            return stop;
        }

        DateOnly? payBy = PayWithinDays is { } days ? context.Today.AddDays(days) : null;
        return StepResult.GoTo(Next, new IssueLetterEffect(Template, Cost, payBy, CostReason));
    }

    /// <summary>
    /// The run-time legal guard behind the validator (it also covers migrated and resumed instances): an aanmaning
    /// only after the due date, a dwangbevel only after an aanmaning and its term (else it waits for the term),
    /// a hernieuwd bevel only after a dwangbevel.
    /// </summary>
    private StepResult? CheckLegalOrder(StepContext context)
    {
        var id = context.StepId;
        var state = context.State;
        switch (Cost)
        {
            case CostKind.Demand when context.Facts.DaysPastDue < 1:
                return StepResult.Fail("aanmaning-voor-vervaldatum",
                    $"Stap '{id}': de vervaldatum is nog niet verstreken; een aanmaning mag pas daarna.");
            case CostKind.Writ when state.LastDemandDate is null:
                return StepResult.Fail("dwangbevel-zonder-aanmaning",
                    $"Stap '{id}': er is geen aanmaning verstuurd; een dwangbevel mag pas {LegalTerms.DemandToWritDays} dagen na de aanmaning.");
            case CostKind.Writ when context.Today < LegalTerms.EarliestWritDate(state.LastDemandDate.Value):
                var earliest = LegalTerms.EarliestWritDate(state.LastDemandDate.Value);
                return StepResult.Suspend(WorkflowStatus.Waiting, earliest,
                    $"Het dwangbevel wacht tot {DutchDate.Format(earliest)}: {LegalTerms.DemandToWritDays} dagen na de aanmaning.");
            case CostKind.RenewedWrit when state.LastWritDate is null:
                return StepResult.Fail("hernieuwd-bevel-zonder-dwangbevel",
                    $"Stap '{id}': er is geen dwangbevel verstuurd; een hernieuwd bevel mag pas na een dwangbevel.");
            default:
                return null;
        }
    }

    /// <inheritdoc />
    public override StepResult Resume(StepContext context, WorkflowTrigger trigger) =>
        trigger is WorkflowTrigger.TimerDue ? Enter(context) : base.Resume(context, trigger);

    /// <inheritdoc />
    public override IEnumerable<ValidationError> Validate(string stepId, ValidationContext context)
    {
        if (!context.TemplateCodes.Contains(Template))
        {
            yield return ValidationError.ForStep(stepId, "onbekende-brief",
                $"briefsjabloon '{Template}' bestaat niet; bekende sjablonen: {string.Join(", ", context.TemplateCodes.Order())}.");
        }

        if (Cost is not null && PayWithinDays is null)
        {
            yield return ValidationError.ForStep(stepId, "betaaltermijn-ontbreekt",
                "een brief met kosten moet een betaaltermijn hebben (payWithinDays).");
        }

        if (PayWithinDays < 0)
        {
            yield return ValidationError.ForStep(stepId, "ongeldige-termijn", "de betaaltermijn kan niet negatief zijn.");
        }

        if (CostReason is not null && Cost is null)
        {
            yield return ValidationError.ForStep(stepId, "reden-zonder-kosten", "costReason staat er, maar de brief rekent geen kosten.");
        }
    }
}
