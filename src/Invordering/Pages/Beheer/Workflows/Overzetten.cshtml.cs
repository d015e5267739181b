using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Workflows;
using Invordering.Web;
using Invordering.Workflows;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Beheer.Workflows;

/// <summary>
/// Moving running cases of one version to the published version: choose the source, map each step that has running
/// cases to a step of the target, see the dry run (cases per step, timers that move, what blocks it), then run it.
/// </summary>
public sealed class OverzettenModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time, WorkflowVersions versions,
    CaseMigration migration) : StaffPageModel(db, dataSource, time)
{
    [FromRoute] public string Workflow { get; set; } = "";
    [BindProperty(SupportsGet = true)] public int? Van { get; set; }
    [BindProperty(SupportsGet = true)] public int? Naar { get; set; }

    public IReadOnlyList<WorkflowDefinitionRecord> Versions { get; private set; } = [];
    public StoredWorkflowVersion? Target { get; private set; }
    public StoredWorkflowVersion? Source { get; private set; }
    public IReadOnlyList<RunningStep> Running { get; private set; } = [];
    public Dictionary<string, string> Mapping { get; private set; } = [];
    public MigrationReport? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnPostProefrunAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (Source is null || Target is null) return Page();
        try
        {
            Report = await migration.DryRunAsync(Workflow, Source.Definition.Version, Target.Definition.Version, Mapping, HttpContext.RequestAborted);
        }
        catch (WorkflowVersionException ex)
        {
            Problem = ex.Message;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostUitvoerenAsync()
    {
        if (!await LoadAsync()) return NotFound();
        if (Source is null || Target is null) return Page();
        try
        {
            var moved = await migration.ApplyAsync(Workflow, Source.Definition.Version, Target.Definition.Version, Mapping, Actor, HttpContext.RequestAborted);
            Done = $"{moved} {(moved == 1 ? "zaak is" : "zaken zijn")} overgezet van versie {Source.Definition.Version} naar versie {Target.Definition.Version}.";
            return Redirect($"/beheer/workflows/{Uri.EscapeDataString(Workflow)}/{Target.Definition.Version}");
        }
        catch (WorkflowVersionException ex)
        {
            Problem = ex.Message;
            Report = await migration.DryRunAsync(Workflow, Source.Definition.Version, Target.Definition.Version, Mapping, HttpContext.RequestAborted);
        }

        return Page();
    }

    /// <summary>The versions, the chosen target (default: the published one) and source, its running steps, and the mapping posted or proposed (same step id).</summary>
    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        Versions = (await versions.ListAsync(ct)).FirstOrDefault(g => g.Key == Workflow)?.ToList() ?? [];
        if (Versions.Count == 0) return false;
        Naar ??= Versions.FirstOrDefault(v => v.Status == "published")?.Version;
        if (Naar is { } to)
        {
            Target = await versions.FindAsync(Workflow, to, ct);
            if (Target is { Record.Status: not "published" })
            {
                Problem = $"Versie {to} is niet gepubliceerd; zaken gaan alleen naar een gepubliceerde versie.";
                Target = null;
            }
        }

        if (Van is { } from && from != Naar && await versions.FindAsync(Workflow, from, ct) is { } source)
        {
            Source = source;
            Running = await migration.RunningStepsAsync(Workflow, from, ct);
            foreach (var step in Running.Where(s => s.StepId.Length > 0))
            {
                var posted = Request.HasFormContentType ? Request.Form[$"koppeling[{step.StepId}]"].ToString() : null;
                Mapping[step.StepId] = posted ?? (Target?.Definition.Steps.ContainsKey(step.StepId) == true ? step.StepId : "");
            }
        }

        return true;
    }
}
