namespace Invordering.Workflows;

/// <summary>One semantic check of a definition.</summary>
public interface IValidationRule
{
    /// <summary>The problems this rule finds.</summary>
    IEnumerable<ValidationError> Check(ValidationContext context);
}

/// <summary>
/// Semantic validation of a loaded definition: structure (start, targets, reachability, loops without waiting),
/// each step's parameters, the event handlers, and the legal guardrails. Messages are Dutch and name the step.
/// </summary>
public sealed class WorkflowValidator
{
    private static readonly IReadOnlyList<IValidationRule> Rules =
    [
        new HeaderRule(),
        new StepIdRule(),
        new TargetRule(),
        new ReachabilityRule(),
        new WaitlessCycleRule(),
        new StepParameterRule(),
        new EventHandlerRule(),
        new DemandAfterDueDateRule(),
        new WritAfterDemandRule(),
        new RenewedWritAfterWritRule(),
        new NoCostsInKanNietRule(),
    ];

    private readonly IReadOnlySet<string> templateCodes;

    /// <summary>A validator that accepts the shipped letter templates.</summary>
    public WorkflowValidator() : this(LetterTemplateCodes.Shipped)
    {
    }

    /// <summary>A validator that accepts the letter templates in <paramref name="templateCodes"/>.</summary>
    public WorkflowValidator(IEnumerable<string> templateCodes) => this.templateCodes = templateCodes.ToHashSet();

    /// <summary>Every problem with <paramref name="definition"/>; empty when it may be published.</summary>
    public IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition)
    {
        var context = new ValidationContext(definition, templateCodes);
        return Rules.SelectMany(rule => rule.Check(context)).ToList();
    }
}
