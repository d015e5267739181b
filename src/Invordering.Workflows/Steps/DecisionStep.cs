namespace Invordering.Workflows;

/// <summary>One branch of a decision: a condition over case facts and the step to go to when it holds.</summary>
public sealed record DecisionBranch
{
    /// <summary>The condition.</summary>
    public required Condition When { get; init; }

    /// <summary>The step to go to when the condition holds.</summary>
    public required string Target { get; init; }
}

/// <summary>
/// Step type <c>decision</c>: tries its branches in order and follows the first whose condition holds, else
/// <c>otherwise</c>. Outcomes <c>tak-1</c>, <c>tak-2</c>, ... and <c>otherwise</c>. The journal records the facts
/// it saw and the rule that fired.
/// </summary>
public sealed class DecisionStep : WorkflowStep
{
    /// <summary>The branches, tried in order.</summary>
    public required IReadOnlyList<DecisionBranch> Branches { get; init; }

    /// <summary>The step to go to when no branch holds.</summary>
    public required string Otherwise { get; init; }

    /// <inheritdoc />
    public override IEnumerable<StepTransition> Transitions() =>
        Branches.Select((branch, index) => new StepTransition($"tak-{index + 1}", branch.Target))
            .Append(new StepTransition("otherwise", Otherwise));

    /// <inheritdoc />
    public override StepResult Enter(StepContext context)
    {
        var comparisons = Branches.SelectMany(b => b.When.Comparisons).ToList();
        if (comparisons.FirstOrDefault(c => FactCatalogue.Find(c.Fact) is null) is { } unknown)
        {
            return StepResult.Fail("onbekend-feit", $"Stap '{context.StepId}': feit '{unknown.Fact}' bestaat niet.");
        }

        var factsSeen = comparisons.Select(c => c.Fact).Distinct()
            .ToDictionary(name => name, name => FactCatalogue.Find(name)!.Read(context.Facts));

        for (var index = 0; index < Branches.Count; index++)
        {
            if (Branches[index].When.IsTrue(context.Facts))
            {
                var rule = $"tak {index + 1}: {Branches[index].When.Describe()}";
                return StepResult.Decided(Branches[index].Target, new DecisionRecord(rule, factsSeen));
            }
        }

        return StepResult.Decided(Otherwise, new DecisionRecord("anders", factsSeen));
    }

    /// <inheritdoc />
    public override IEnumerable<ValidationError> Validate(string stepId, ValidationContext context)
    {
        if (Branches.Count == 0)
        {
            yield return ValidationError.ForStep(stepId, "geen-takken", "een beslissing heeft minstens één tak met een voorwaarde.");
        }

        foreach (var comparison in Branches.SelectMany(b => b.When.Comparisons))
        {
            if (CheckComparison(comparison) is { } problem)
            {
                yield return ValidationError.ForStep(stepId, problem.Code, problem.Message);
            }
        }
    }

    private static (string Code, string Message)? CheckComparison(FactCondition comparison)
    {
        if (FactCatalogue.Find(comparison.Fact) is not { } fact)
        {
            return ("onbekend-feit",
                $"feit '{comparison.Fact}' bestaat niet; bekende feiten: {string.Join(", ", FactCatalogue.All.Select(f => f.Name))}.");
        }

        if (comparison.Value.Kind != fact.ValueKind)
        {
            return ("verkeerd-type",
                $"feit '{fact.Name}' is van het type {fact.Type.ToString().ToLowerInvariant()}; de waarde '{comparison.Value}' past daar niet bij.");
        }

        if (fact.ValueKind != FactValueKind.Number && !comparison.Op.IsEquality())
        {
            return ("ongeldige-vergelijking",
                $"feit '{fact.Name}' kan alleen met == of != vergeleken worden, niet met {comparison.Op.ToSymbol()}.");
        }

        return null;
    }
}
