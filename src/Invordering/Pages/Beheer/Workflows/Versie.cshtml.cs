using System.Text;
using System.Text.Json.Nodes;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Workflows;
using Invordering.Web;
using Invordering.Web.Workflows;
using Invordering.Workflows;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Beheer.Workflows;

/// <summary>What the check says about a definition: every message, and each step's own messages in its place.</summary>
public sealed record CheckView(IReadOnlyList<ValidationError> Errors, IReadOnlyList<string> StepIds, bool OutOfBand);

/// <summary>A step's messages, in the step's own place on the page.</summary>
public sealed record StepMessagesView(string StepId, IReadOnlyList<ValidationError> Errors, bool OutOfBand);

/// <summary>The form of one step with the choices it offers.</summary>
public sealed record StepFormView(StepForm Form, IReadOnlyList<string> StepIds, IReadOnlyList<string> TemplateCodes);

/// <summary>
/// One version of a workflow: drawn as a diagram and listed step by step; a draft (or a new draft from any version) is
/// edited per step in forms or whole as JSON, checked as you type (file shape, meaning, legal guardrails) with each
/// message at the step it names; publish, retire, export, compare, simulate and move running cases from here.
/// </summary>
public sealed class WorkflowVersieModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time, WorkflowVersions versions,
    CaseMigration migration) : StaffPageModel(db, dataSource, time)
{
    [FromRoute] public string Workflow { get; set; } = "";
    [FromRoute] public int Versie { get; set; }

    public StoredWorkflowVersion Version { get; private set; } = null!;
    public IReadOnlyList<WorkflowDefinitionRecord> Versions { get; private set; } = [];
    public IReadOnlyList<string> StepIds { get; private set; } = [];
    public IReadOnlyList<string> TemplateCodes { get; private set; } = [];
    public IReadOnlyList<RunningStep> Running { get; private set; } = [];

    /// <summary>The messages shown: the stored version's, or those of a change that was not saved.</summary>
    public IReadOnlyList<ValidationError> Errors { get; private set; } = [];

    /// <summary>The JSON in the editor: the stored version's, or a change that was not saved.</summary>
    public string Json { get; private set; } = "";

    public WorkflowDefinitionRecord? Draft => Versions.FirstOrDefault(v => v.Status == "draft");
    public bool IsDraft => Version.Record.Status == "draft";

    /// <summary>Whether saving from this page goes into a draft: this is the draft, or there is none yet.</summary>
    public bool MayEdit => IsDraft || Draft is null;

    public async Task<IActionResult> OnGetAsync() => await LoadAsync() ? Page() : NotFound();

    public async Task<IActionResult> OnGetExporteerAsync()
    {
        try
        {
            var (name, json) = await versions.ExportAsync(Workflow, Versie, Actor, HttpContext.RequestAborted);
            return File(Encoding.UTF8.GetBytes(json), "application/json", name);
        }
        catch (WorkflowVersionException)
        {
            return NotFound();
        }
    }

    /// <summary>Checks the JSON in the editor as it is typed (htmx).</summary>
    public async Task<IActionResult> OnPostControleerAsync(string? json) =>
        await LoadAsync() ? await CheckAsync(json ?? "") : NotFound();

    /// <summary>Checks the definition with one step's form as filled in (htmx).</summary>
    public async Task<IActionResult> OnPostControleerStapAsync(string stapId)
    {
        if (!await LoadAsync()) return NotFound();
        string json;
        try
        {
            json = WorkflowDocument.WithStep(Json, stapId, StepForm.From(stapId, Request.Form).ToJson());
        }
        catch (WorkflowDefinitionException ex)
        {
            return Partial("_Controle", new CheckView(ex.Errors, StepIds, OutOfBand: true));
        }

        return await CheckAsync(json);
    }

    /// <summary>The fields of a step's form for the type chosen (htmx).</summary>
    public async Task<IActionResult> OnPostStapVeldenAsync(string stapId)
    {
        if (!await LoadAsync()) return NotFound();
        return Partial("_StapVelden", new StepFormView(StepForm.From(stapId, Request.Form), StepIds, TemplateCodes));
    }

    public async Task<IActionResult> OnPostStapAsync(string stapId)
    {
        if (!await LoadAsync()) return NotFound();
        return await SaveAsync(() => WorkflowDocument.WithStep(Json, stapId, StepForm.From(stapId, Request.Form).ToJson()),
            $"Stap '{stapId}' is opgeslagen", stapId);
    }

    public async Task<IActionResult> OnPostStapToevoegenAsync(string nieuweStap, string type)
    {
        if (!await LoadAsync()) return NotFound();
        var id = (nieuweStap ?? "").Trim();
        if (id.Length == 0 || StepIds.Contains(id))
        {
            Problem = id.Length == 0 ? "Geef de nieuwe stap een id." : $"Stap '{id}' bestaat al; kies een andere id.";
            return Page();
        }

        return await SaveAsync(() => WorkflowDocument.WithStep(Json, id, NewStep(type)), $"Stap '{id}' is toegevoegd; koppel haar aan een vorige stap", id);
    }

    public async Task<IActionResult> OnPostStapVerwijderenAsync(string stapId)
    {
        if (!await LoadAsync()) return NotFound();
        if (!StepIds.Contains(stapId))
        {
            Problem = $"Stap '{stapId}' bestaat niet in versie {Versie}; er is niets verwijderd.";
            return Page();
        }

        return await SaveAsync(() => WorkflowDocument.WithoutStep(Json, stapId), $"Stap '{stapId}' is verwijderd", null);
    }

    public async Task<IActionResult> OnPostJsonAsync(string? json)
    {
        if (!await LoadAsync()) return NotFound();
        return await SaveAsync(() => json ?? "", "De JSON is opgeslagen", null);
    }

    public async Task<IActionResult> OnPostPubliceerAsync()
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            await versions.PublishAsync(Workflow, Versie, Actor, HttpContext.RequestAborted);
            Done = $"Versie {Versie} van {Workflow} is gepubliceerd: nieuwe zaken starten erop. Lopende zaken blijven op hun versie, tot u ze overzet.";
            return Redirect(PageUrl());
        }
        catch (WorkflowDefinitionException ex)
        {
            Problem = $"Versie {Versie} is niet gepubliceerd: de controle vond {ex.Errors.Count} {(ex.Errors.Count == 1 ? "fout" : "fouten")}. Los die eerst op.";
            Errors = ex.Errors;
        }
        catch (WorkflowVersionException ex)
        {
            Problem = ex.Message;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostIntrekkenAsync()
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            await versions.RetireAsync(Workflow, Versie, Actor, HttpContext.RequestAborted);
            Done = $"Versie {Versie} van {Workflow} is ingetrokken: er starten geen nieuwe zaken meer op. Lopende zaken lopen erop door.";
            return Redirect(PageUrl());
        }
        catch (WorkflowVersionException ex)
        {
            Problem = ex.Message;
            return Page();
        }
    }

    private string PageUrl(int? version = null, string? step = null) =>
        $"/beheer/workflows/{Uri.EscapeDataString(Workflow)}/{version ?? Versie}" + (step is null ? "" : $"#stap-{step}");

    private async Task<IActionResult> SaveAsync(Func<string> change, string what, string? stepId)
    {
        string json = Json;
        try
        {
            json = change();
            var saved = await versions.SaveDraftAsync(Workflow, Versie, json, Actor, HttpContext.RequestAborted);
            Done = saved.Version == Versie ? $"{what} in het concept." : $"{what} in een nieuw concept: versie {saved.Version}.";
            return Redirect(PageUrl(saved.Version, stepId));
        }
        catch (WorkflowDefinitionException ex)
        {
            Problem = $"Niet opgeslagen: de workflow is zo niet te lezen ({ex.Errors.Count} {(ex.Errors.Count == 1 ? "fout" : "fouten")}).";
            Errors = ex.Errors;
            Json = json;
        }
        catch (WorkflowVersionException ex)
        {
            Problem = ex.Message;
        }

        return Page();
    }

    private async Task<IActionResult> CheckAsync(string json)
    {
        var errors = await versions.CheckAsync(json, Versie, HttpContext.RequestAborted);
        return Partial("_Controle", new CheckView(errors, StepIds, OutOfBand: true));
    }

    private async Task<bool> LoadAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (await versions.FindAsync(Workflow, Versie, ct) is not { } version) return false;
        Version = version;
        Versions = (await versions.ListAsync(ct)).FirstOrDefault(g => g.Key == Workflow)?.ToList() ?? [];
        StepIds = WorkflowDocument.StepOrder(version.Definition);
        TemplateCodes = await versions.TemplateCodesAsync(ct);
        Running = await migration.RunningStepsAsync(Workflow, Versie, ct);
        Errors = version.Problems;
        Json = WorkflowDocument.Format(version.Record.Definition, version.Definition);
        return true;
    }

    /// <summary>A new step of <paramref name="type"/> with its required fields present but not yet filled in (the check names them).</summary>
    private static JsonObject NewStep(string type) => type switch
    {
        "letter" => new() { ["type"] = type, ["template"] = "herinnering", ["next"] = "" },
        "wait" => new() { ["type"] = type, ["days"] = 14, ["kind"] = "calendar", ["next"] = "" },
        "decision" => new() { ["type"] = type, ["branches"] = new JsonArray(), ["otherwise"] = "" },
        "task" => new() { ["type"] = type, ["kind"] = "telefoon", ["dueWithinWorkingDays"] = 2, ["outcomes"] = new JsonArray() },
        "handoff" => new() { ["type"] = type, ["outcomes"] = new JsonObject { ["betaald"] = "", ["deels-betaald"] = "", ["niets-te-halen"] = "" } },
        "switch" => new() { ["type"] = type, ["segment"] = "kan-niet" },
        _ => new() { ["type"] = "end", ["outcome"] = "betaald" },
    };
}
