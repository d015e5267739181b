using System.Diagnostics;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Workflows;
using Invordering.Web;
using Invordering.Workflows.Simulation;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Beheer;

/// <summary>
/// Simulates a version of a workflow (the draft the editor links to) beside the published one on synthetic
/// debtors, in memory, and shows both and the difference. Touches no case and sends nothing; every run is audited.
/// </summary>
public sealed class SimulatieModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time,
    DraftSimulation simulation, DefinitionStore definitions) : StaffPageModel(db, dataSource, time)
{
    [BindProperty(SupportsGet = true, Name = "workflow")] public string? Workflow { get; set; }
    [BindProperty(SupportsGet = true, Name = "versie")] public int? Versie { get; set; }
    [BindProperty(SupportsGet = true, Name = "debiteuren")] public int Debiteuren { get; set; } = DraftSimulation.DefaultDebtors;
    [BindProperty(SupportsGet = true, Name = "dagen")] public int Dagen { get; set; } = DraftSimulation.DefaultDays;

    public IReadOnlyList<string> Workflows { get; private set; } = [];
    public SimulatedVersions? Versions { get; private set; }
    public SimulationComparison? Comparison { get; private set; }
    public TimeSpan Elapsed { get; private set; }

    public async Task OnGetAsync() => Workflows = await definitions.WorkflowIdsAsync(HttpContext.RequestAborted);

    public async Task OnPostAsync()
    {
        var ct = HttpContext.RequestAborted;
        Workflows = await definitions.WorkflowIdsAsync(ct);
        if (!ModelState.IsValid)
        {
            Problem = "Vul bij versie, debiteuren en dagen een geheel getal in.";
            return;
        }

        try
        {
            var watch = Stopwatch.StartNew();
            Versions = await simulation.ChooseAsync(Workflow, Versie, null, ct);
            Comparison = await simulation.RunAsync(Db, Versions, Debiteuren, Dagen, DraftSimulation.DefaultSeed, Actor, Request.Path, null, null, ct);
            Elapsed = watch.Elapsed;
        }
        catch (SimulationRefusedException ex)
        {
            Problem = ex.Message;
        }
    }
}
