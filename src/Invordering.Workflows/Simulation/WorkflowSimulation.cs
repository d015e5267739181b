using Invordering.Domain;

namespace Invordering.Workflows.Simulation;

/// <summary>
/// Runs a workflow definition over synthetic debtors for a number of days on a simulated clock, in memory: the
/// same pure engine the runtime uses moves every case (so the same step semantics, working days and legal
/// guards), costs come from the tariff table as the letter service charges them, and the people act as
/// <see cref="PeopleModel"/> says. It touches no database and sends nothing.
/// </summary>
public sealed class WorkflowSimulation(WorkflowEngine engine, TariffTable tariffs, PeopleModel people)
{
    /// <summary>Runs <paramref name="definition"/> for <paramref name="days"/> days from the day after the due date; reports each day done.</summary>
    public SimulationResult Run(WorkflowDefinition definition, IReadOnlyList<SyntheticDebtor> debtors, int days,
        IProgress<int>? progress = null, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(days, 1);
        return new SimulationRun(definition, engine, tariffs, people, debtors, days).Execute(progress, ct);
    }
}
