namespace Invordering.Workflows.Simulation;

/// <summary>How many letters of one kind charged costs, and how much together.</summary>
public sealed record CostTotal(int Count, long Cents);

/// <summary>
/// What one workflow version did to a synthetic population over a number of days: letters per template, costs
/// charged per kind, tasks created per kind, how the cases ended (or that they still run), and the days from the
/// start of the workflow to its end for the cases that ended.
/// </summary>
public sealed record SimulationResult(
    string WorkflowId,
    int Version,
    int Debtors,
    int Days,
    IReadOnlyDictionary<string, int> Letters,
    IReadOnlyDictionary<string, CostTotal> Costs,
    IReadOnlyDictionary<string, int> Tasks,
    IReadOnlyDictionary<string, int> Outcomes,
    double? MeanDaysToResolution,
    double? MedianDaysToResolution)
{
    /// <summary>The outcome of a case still running at the end without a payment plan.</summary>
    public const string StillRunning = "loopt nog";

    /// <summary>The outcome of a case whose workflow failed (an incident in the real service).</summary>
    public const string Failed = "mislukt";

    /// <summary>The outcome of a case that moved on to another workflow.</summary>
    public static string SwitchedTo(string target) => $"naar {target}";

    /// <summary>The outcomes always shown, in this order; others follow.</summary>
    public static IReadOnlyList<string> MainOutcomes { get; } =
    [
        CaseOutcome.Paid.ToSlug(), CaseOutcome.PaymentPlan.ToSlug(), CaseOutcome.Remission.ToSlug(),
        CaseOutcome.Bailiff.ToSlug(), CaseOutcome.WriteOff.ToSlug(), StillRunning,
    ];
}
