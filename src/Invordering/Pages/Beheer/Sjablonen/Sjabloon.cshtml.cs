using Invordering.Infrastructure.Letters;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Letters;
using Invordering.Web;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Beheer.Sjablonen;

/// <summary>
/// One letter template: its versions, and an editor whose text is rendered on sample data (<see cref="LetterSamples"/>) as
/// the administrator types, with the template errors and the plain-language findings beside it. Saving makes a new draft
/// version (only when the text has no errors); publishing it makes new letters use it. Both are audited by the store.
/// </summary>
public sealed class SjabloonModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time, LetterTemplates letterTemplates)
    : StaffPageModel(db, dataSource, time)
{
    [FromRoute] public string Code { get; set; } = "";

    public IReadOnlyList<LetterTemplateRecord> Versions { get; private set; } = [];

    /// <summary>The text in the editor: the draft, else the published version, else what was posted.</summary>
    public string Source { get; private set; } = "";

    public TemplatePreview? Preview { get; private set; }

    public IReadOnlyList<TemplateError> Errors { get; private set; } = [];

    /// <summary>Why no preview could be made, when that is not an error at a line.</summary>
    public string? PreviewProblem { get; private set; }

    public LetterTemplateRecord? Draft => Versions.FirstOrDefault(v => v.Status == "draft");

    public LetterTemplateRecord? Published => Versions.FirstOrDefault(v => v.Status == "published");

    public async Task<IActionResult> OnGetAsync()
    {
        if (!await LoadAsync()) return NotFound();
        Source = (Draft ?? Published ?? Versions[0]).Source;
        await PreviewAsync(null);
        return Page();
    }

    /// <summary>The preview of the text as typed; only the preview when htmx asks, else the whole page.</summary>
    public async Task<IActionResult> OnPostVoorbeeldAsync(string? bron)
    {
        if (!await LoadAsync()) return NotFound();
        Source = bron ?? "";
        await PreviewAsync(Source);
        return Request.Headers.ContainsKey("HX-Request") ? Partial("_SjabloonVoorbeeld", this) : Page();
    }

    public async Task<IActionResult> OnPostOpslaanAsync(string? bron)
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            var saved = await LetterTemplateStore.SaveDraftAsync(Db, Code, new TemplateDraft(bron ?? ""), Actor, HttpContext.RequestAborted);
            Done = $"Concept versie {saved.Version} is opgeslagen. Nieuwe brieven gebruiken het pas als u het publiceert.";
            return RedirectToPage(new { Code });
        }
        catch (InvalidTemplateException ex)
        {
            Db.ChangeTracker.Clear();
            Problem = ex.Errors.Count == 0
                ? $"Het sjabloon is niet opgeslagen. {ex.Message}"
                : $"Het sjabloon is niet opgeslagen: het bevat {ex.Errors.Count} {(ex.Errors.Count == 1 ? "fout" : "fouten")}. Zie de fouten naast de tekst.";
            Source = bron ?? "";
            await PreviewAsync(Source);
            return Page();
        }
    }

    public async Task<IActionResult> OnPostPublicerenAsync()
    {
        if (!await LoadAsync()) return NotFound();
        try
        {
            var published = await LetterTemplateStore.PublishAsync(Db, Code, Actor, HttpContext.RequestAborted);
            letterTemplates.Invalidate();
            Done = $"Versie {published.Version} is gepubliceerd: nieuwe brieven gebruiken vanaf nu deze versie.";
            return RedirectToPage(new { Code });
        }
        catch (Exception ex) when (ex is LetterTemplateException or InvalidTemplateException)
        {
            Db.ChangeTracker.Clear();
            Problem = $"Niet gepubliceerd. {ex.Message}";
            Source = (Draft ?? Published ?? Versions[0]).Source;
            await PreviewAsync(null);
            return Page();
        }
    }

    private async Task<bool> LoadAsync()
    {
        try
        {
            Versions = await LetterTemplateStore.VersionsAsync(Db, Code, HttpContext.RequestAborted);
            return true;
        }
        catch (LetterTemplateException)
        {
            return false;
        }
    }

    private async Task PreviewAsync(string? source)
    {
        try
        {
            Preview = await LetterTemplateStore.PreviewAsync(Db, Code, source, await TodayAsync(), HttpContext.RequestAborted);
        }
        catch (InvalidTemplateException ex)
        {
            Errors = ex.Errors;
            PreviewProblem = ex.Errors.Count == 0 ? ex.Message : null;
        }
        catch (Exception ex) when (ex is LetterTemplateException or ArgumentException)
        {
            PreviewProblem = ex.Message;
        }
    }

    /// <summary>The Dutch name of a version's status.</summary>
    public static string StatusName(string status) => status switch
    {
        "published" => "gepubliceerd",
        "draft" => "concept",
        "retired" => "vervangen",
        "unsaved" => "niet opgeslagen",
        _ => status,
    };
}
