namespace Invordering.Workflows.Simulation;

/// <summary>What a figure of a simulation counts.</summary>
public enum FigureUnit
{
    /// <summary>A number of letters, tasks or cases.</summary>
    Count,

    /// <summary>An amount in cents.</summary>
    Cents,

    /// <summary>A number of days.</summary>
    Days,
}

/// <summary>One figure of two simulations side by side: the published version's, the draft's and the difference (draft minus published).</summary>
public sealed record ComparisonRow(string Group, string Label, FigureUnit Unit, double? Published, double? Draft)
{
    /// <summary>The draft's figure minus the published version's; null when either has none.</summary>
    public double? Difference => Published is { } published && Draft is { } draft ? draft - published : null;
}

/// <summary>The published version and a draft (or any other version) of a workflow, simulated on the same population, and the difference.</summary>
public sealed record SimulationComparison(SimulationResult Published, SimulationResult Draft)
{
    /// <summary>Simulates both versions on <paramref name="debtors"/> at the same time; each reports its days done.</summary>
    public static async Task<SimulationComparison> RunAsync(WorkflowSimulation simulation, WorkflowDefinition published, WorkflowDefinition draft,
        IReadOnlyList<SyntheticDebtor> debtors, int days, IProgress<int>? publishedProgress, IProgress<int>? draftProgress, CancellationToken ct)
    {
        var runs = await Task.WhenAll(
            Task.Run(() => simulation.Run(published, debtors, days, publishedProgress, ct), ct),
            Task.Run(() => simulation.Run(draft, debtors, days, draftProgress, ct), ct));
        return new SimulationComparison(runs[0], runs[1]);
    }

    /// <summary>Every figure side by side: letters per template, costs per kind, tasks per kind, outcomes, days to resolution.</summary>
    public IReadOnlyList<ComparisonRow> Rows()
    {
        var rows = new List<ComparisonRow>();
        foreach (var template in Keys(Published.Letters, Draft.Letters))
            rows.Add(new ComparisonRow("Brieven", template, FigureUnit.Count, Published.Letters.GetValueOrDefault(template), Draft.Letters.GetValueOrDefault(template)));

        foreach (var kind in Keys(Published.Costs, Draft.Costs))
            rows.Add(new ComparisonRow("Kosten", kind, FigureUnit.Cents, Published.Costs.GetValueOrDefault(kind)?.Cents ?? 0, Draft.Costs.GetValueOrDefault(kind)?.Cents ?? 0));
        rows.Add(new ComparisonRow("Kosten", "totaal", FigureUnit.Cents, Published.Costs.Values.Sum(c => c.Cents), Draft.Costs.Values.Sum(c => c.Cents)));

        foreach (var kind in Keys(Published.Tasks, Draft.Tasks))
            rows.Add(new ComparisonRow("Taken", kind, FigureUnit.Count, Published.Tasks.GetValueOrDefault(kind), Draft.Tasks.GetValueOrDefault(kind)));

        var outcomes = SimulationResult.MainOutcomes.Concat(Keys(Published.Outcomes, Draft.Outcomes).Except(SimulationResult.MainOutcomes));
        foreach (var outcome in outcomes)
            rows.Add(new ComparisonRow("Uitkomsten", outcome, FigureUnit.Count, Published.Outcomes.GetValueOrDefault(outcome), Draft.Outcomes.GetValueOrDefault(outcome)));

        rows.Add(new ComparisonRow("Dagen tot afronding", "gemiddeld", FigureUnit.Days, Published.MeanDaysToResolution, Draft.MeanDaysToResolution));
        rows.Add(new ComparisonRow("Dagen tot afronding", "mediaan", FigureUnit.Days, Published.MedianDaysToResolution, Draft.MedianDaysToResolution));
        return rows;
    }

    /// <summary>The keys of both versions' figures: the published version's in its order, then the draft's new ones.</summary>
    private static IEnumerable<string> Keys<T>(IReadOnlyDictionary<string, T> published, IReadOnlyDictionary<string, T> draft) =>
        published.Keys.Concat(draft.Keys.Where(k => !published.ContainsKey(k)));
}
