namespace Invordering.Workflows;

/// <summary>The definition has an id, a title, a known segment and an existing start step.</summary>
internal sealed class HeaderRule : IValidationRule
{
    public IEnumerable<ValidationError> Check(ValidationContext context)
    {
        var definition = context.Definition;
        if (string.IsNullOrWhiteSpace(definition.Id))
        {
            yield return new ValidationError(null, "id-ontbreekt", "De workflow heeft geen id.");
        }

        if (string.IsNullOrWhiteSpace(definition.Title))
        {
            yield return new ValidationError(null, "titel-ontbreekt", "De workflow heeft geen titel.");
        }

        if (!SegmentSlug.IsKnown(definition.Segment))
        {
            yield return new ValidationError(null, "onbekend-segment",
                $"Segment '{definition.Segment}' bestaat niet; kies uit: {string.Join(", ", SegmentSlug.All)}.");
        }

        if (!definition.Steps.ContainsKey(definition.StartStepId))
        {
            yield return new ValidationError(null, "start-ontbreekt", $"De startstap '{definition.StartStepId}' bestaat niet.");
        }
    }
}

/// <summary>Step ids are stable slugs (lower-case letters, digits and hyphens), fit for links and the journal.</summary>
internal sealed partial class StepIdRule : IValidationRule
{
    public IEnumerable<ValidationError> Check(ValidationContext context) =>
        context.Definition.Steps.Keys
            .Where(id => !Slug().IsMatch(id))
            .Select(id => ValidationError.ForStep(id, "ongeldige-stap-id", "een stap-id bestaat uit kleine letters, cijfers en streepjes."));

    [System.Text.RegularExpressions.GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial System.Text.RegularExpressions.Regex Slug();
}

/// <summary>Every outcome leads to a step that exists.</summary>
internal sealed class TargetRule : IValidationRule
{
    public IEnumerable<ValidationError> Check(ValidationContext context) =>
        from step in context.Definition.Steps
        from transition in step.Value.Transitions()
        where !context.Definition.Steps.ContainsKey(transition.Target)
        select ValidationError.ForStep(step.Key, "onbekend-doel",
            $"uitkomst '{transition.Outcome}' verwijst naar stap '{transition.Target}', die niet bestaat.");
}

/// <summary>Every step can be reached from the start.</summary>
internal sealed class ReachabilityRule : IValidationRule
{
    public IEnumerable<ValidationError> Check(ValidationContext context)
    {
        var definition = context.Definition;
        if (!definition.Steps.ContainsKey(definition.StartStepId))
        {
            return [];
        }

        var reachable = context.Graph.ReachableFrom(definition.StartStepId);
        return definition.Steps.Keys.Where(id => !reachable.Contains(id))
            .Select(id => ValidationError.ForStep(id, "onbereikbaar", "deze stap is vanaf de start niet te bereiken."));
    }
}

/// <summary>No loop of steps runs without a step that waits (wait, task or handoff) in it: it would run forever.</summary>
internal sealed class WaitlessCycleRule : IValidationRule
{
    public IEnumerable<ValidationError> Check(ValidationContext context)
    {
        var reported = new HashSet<string>();
        foreach (var (id, step) in context.Definition.Steps)
        {
            if (step.Waits() || reported.Contains(id))
            {
                continue;
            }

            var cycle = context.Definition.Steps.Keys
                .Where(other => InstantlyReaches(context, id, other) && InstantlyReaches(context, other, id))
                .ToList();
            if (cycle.Count == 0)
            {
                continue;
            }

            reported.UnionWith(cycle);
            yield return ValidationError.ForStep(id, "lus-zonder-wachten",
                $"de stappen {string.Join(", ", cycle)} vormen een kringloop zonder wachtstap, taak of deurwaarder; de workflow zou eindeloos doorlopen.");
        }
    }

    /// <summary>Whether <paramref name="from"/> leads to <paramref name="to"/> in one or more moves through steps that do not wait.</summary>
    private static bool InstantlyReaches(ValidationContext context, string from, string to) =>
        context.Graph.Successors(from)
            .Any(next => context.Graph.ReachableFrom(next, step => !step.Waits()).Contains(to)
                && !context.Definition.Steps[to].Waits());
}

/// <summary>Each step's own parameter checks.</summary>
internal sealed class StepParameterRule : IValidationRule
{
    public IEnumerable<ValidationError> Check(ValidationContext context) =>
        context.Definition.Steps.SelectMany(step => step.Value.Validate(step.Key, context));
}
