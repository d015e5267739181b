namespace Invordering.Workflows;

/// <summary>
/// An aanmaning only after the due date. The rule chosen: a workflow starts only when the claim is past due (the
/// engine refuses <see cref="WorkflowTrigger.Start"/> before that, and the letter step checks again), so every step
/// runs after the due date; statically, an aanmaning must not be reachable through a decision branch that only
/// holds while the claim is not yet due (a <c>daysPastDue</c> condition that keeps it at 0 or below, alone, inside
/// <c>all</c>, in every part of an <c>any</c>, or as the negation of a condition that requires it to be above 0).
/// </summary>
internal sealed class DemandAfterDueDateRule : IValidationRule
{
    private const string DaysPastDue = "daysPastDue";

    public IEnumerable<ValidationError> Check(ValidationContext context)
    {
        var reported = new HashSet<string>();
        foreach (var (decisionId, step) in context.Definition.Steps)
        {
            if (step is not DecisionStep decision)
            {
                continue;
            }

            foreach (var branch in decision.Branches.Where(b => RequiresNotYetDue(b.When)))
            {
                var demands = context.Graph.ReachableFrom(branch.Target)
                    .Where(id => context.Definition.Steps[id] is LetterStep { Cost: CostKind.Demand } && reported.Add(id));
                foreach (var demand in demands)
                {
                    yield return ValidationError.ForStep(demand, "aanmaning-voor-vervaldatum",
                        $"een aanmaning mag pas na de vervaldatum, maar beslissing '{decisionId}' leidt hierheen als {branch.When.Describe()}.");
                }
            }
        }
    }

    private static bool RequiresNotYetDue(Condition condition) => condition switch
    {
        FactCondition c => c.Fact == DaysPastDue && KeepsAtOrBelowZero(c.Op, c.Value.AsNumber()),
        AllCondition all => all.Conditions.Any(RequiresNotYetDue),
        AnyCondition any => any.Conditions.All(RequiresNotYetDue),
        NotCondition { Inner: FactCondition c } => c.Fact == DaysPastDue && KeepsAtOrBelowZero(Negate(c.Op), c.Value.AsNumber()),
        _ => false,
    };

    private static bool KeepsAtOrBelowZero(ComparisonOperator op, long value) => op switch
    {
        ComparisonOperator.Equal or ComparisonOperator.LessThanOrEqual => value <= 0,
        ComparisonOperator.LessThan => value <= 1,
        _ => false,
    };

    private static ComparisonOperator Negate(ComparisonOperator op) => op switch
    {
        ComparisonOperator.GreaterThan => ComparisonOperator.LessThanOrEqual,
        ComparisonOperator.GreaterThanOrEqual => ComparisonOperator.LessThan,
        ComparisonOperator.LessThan => ComparisonOperator.GreaterThanOrEqual,
        ComparisonOperator.LessThanOrEqual => ComparisonOperator.GreaterThan,
        ComparisonOperator.Equal => ComparisonOperator.NotEqual,
        _ => ComparisonOperator.Equal,
    };
}

/// <summary>
/// A dwangbevel at least <see cref="LegalTerms.DemandToWritDays"/> calendar days after the aanmaning, on every path:
/// the waits between the last aanmaning and the dwangbevel are summed along each path (working days count as their
/// fewest calendar days; tasks and the bailiff count as 0), and the shortest sum must reach the term.
/// </summary>
internal sealed class WritAfterDemandRule : IValidationRule
{
    public IEnumerable<ValidationError> Check(ValidationContext context)
    {
        var days = context.Graph.DaysSinceLast(step => step is LetterStep { Cost: CostKind.Demand });
        foreach (var (id, step) in context.Definition.Steps)
        {
            if (step is not LetterStep { Cost: CostKind.Writ } || !days.TryGetValue(id, out var since))
            {
                continue;
            }

            if (since == WorkflowGraph.NoMarkerOnSomePath)
            {
                yield return ValidationError.ForStep(id, "dwangbevel-zonder-aanmaning",
                    "een dwangbevel mag alleen na een aanmaning; op een pad hiernaartoe zit geen aanmaning.");
            }
            else if (since < LegalTerms.DemandToWritDays)
            {
                yield return ValidationError.ForStep(id, "dwangbevel-te-vroeg",
                    $"een dwangbevel mag pas {LegalTerms.DemandToWritDays} dagen na de aanmaning; op dit pad zitten er maar {since} dagen tussen.");
            }
        }
    }
}

/// <summary>A hernieuwd bevel only after a dwangbevel, on every path.</summary>
internal sealed class RenewedWritAfterWritRule : IValidationRule
{
    public IEnumerable<ValidationError> Check(ValidationContext context)
    {
        var days = context.Graph.DaysSinceLast(step => step is LetterStep { Cost: CostKind.Writ });
        return context.Definition.Steps
            .Where(s => s.Value is LetterStep { Cost: CostKind.RenewedWrit }
                && days.TryGetValue(s.Key, out var since) && since == WorkflowGraph.NoMarkerOnSomePath)
            .Select(s => ValidationError.ForStep(s.Key, "hernieuwd-bevel-zonder-dwangbevel",
                "een hernieuwd bevel mag alleen na een dwangbevel; op een pad hiernaartoe zit geen dwangbevel."));
    }
}

/// <summary>In a kan-niet workflow no letter charges costs unless the step states why (<c>costReason</c>).</summary>
internal sealed class NoCostsInKanNietRule : IValidationRule
{
    public IEnumerable<ValidationError> Check(ValidationContext context) =>
        context.Definition.Segment != SegmentSlug.KanNiet
            ? []
            : context.Definition.Steps
                .Where(s => s.Value is LetterStep { Cost: not null } letter && string.IsNullOrWhiteSpace(letter.CostReason))
                .Select(s => ValidationError.ForStep(s.Key, "kosten-bij-kan-niet",
                    "in een kan-niet-workflow rekent een brief geen kosten, tenzij de stap een reden geeft (costReason)."));
}
