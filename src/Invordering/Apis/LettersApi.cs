using Invordering.Infrastructure;
using Invordering.Infrastructure.Letters;
using Invordering.Infrastructure.Persistence;
using Invordering.Letters;
using Invordering.Printing;
using Microsoft.EntityFrameworkCore;
using Invordering.Web.Identity;
using Npgsql;

namespace Invordering.Apis;

/// <summary>
/// Letters on paper and their templates: /api/letters/{id}/pdf prints one stored letter, /api/print-runs prints
/// many into PDFs of at most Printing:MaxLettersPerRun letters, and /api/templates lists, drafts, previews and
/// publishes letter templates. Reads of letters and every change are audited.
/// </summary>
public static class LettersApi
{
    public static IEndpointRouteBuilder MapLettersApi(this IEndpointRouteBuilder app)
    {
        var letters = app.MapGroup("/api").WithTags("Brieven").RequireAuthorization(StaffPolicies.CaseWork);
        letters.MapGet("/letters/{id:long}/pdf", GetLetterPdf).WithName("GetLetterPdf");
        letters.MapPost("/print-runs", CreatePrintRuns).WithName("CreatePrintRuns");
        letters.MapGet("/print-runs/{id:long}", GetPrintRun).WithName("GetPrintRun");
        letters.MapGet("/print-runs/{id:long}/pdf", GetPrintRunPdf).WithName("GetPrintRunPdf");

        var templates = app.MapGroup("/api/templates").WithTags("Briefsjablonen").RequireAuthorization(StaffPolicies.Administration);
        templates.MapGet("/", ListTemplates).WithName("ListTemplates");
        templates.MapGet("/{code}", GetTemplate).WithName("GetTemplate");
        templates.MapPut("/{code}/draft", SaveDraft).WithName("SaveTemplateDraft");
        templates.MapPost("/{code}/publish", Publish).WithName("PublishTemplate");
        templates.MapPost("/{code}/preview", Preview).WithName("PreviewTemplate");
        return app;
    }

    private static async Task<IResult> GetLetterPdf(long id, InvorderingDbContext db, PrintRuns printRuns, HttpContext http, CancellationToken ct) =>
        await GuardPrinting(async () =>
        {
            var printed = await printRuns.PrintLetterAsync(db, id, ct);
            if (printed is null) return Results.Problem($"Brief {id} bestaat niet.", statusCode: StatusCodes.Status404NotFound);
            Audit.Record(db, Actor(http), "read", "letter", id, source: http.Request.Path);
            await db.SaveChangesAsync(ct);
            return Results.File(printed.Pdf, "application/pdf", $"brief-{id}.pdf");
        });

    private static async Task<IResult> CreatePrintRuns(PrintRunRequest request, InvorderingDbContext db, PrintRuns printRuns, HttpContext http,
        CancellationToken ct)
    {
        if (request.LetterDate is null && string.IsNullOrWhiteSpace(request.TemplateCode))
            return Results.ValidationProblem(
                new Dictionary<string, string[]> { ["letterDate"] = ["Kies de brieven: geef een briefdatum (letterDate), een sjabloon (templateCode) of beide."] },
                "Zo kan er niet worden afgedrukt.");
        var selection = new PrintSelection(request.LetterDate, string.IsNullOrWhiteSpace(request.TemplateCode) ? null : request.TemplateCode,
            request.Reprint);
        return await GuardPrinting(async () =>
        {
            var runs = await printRuns.CreateAsync(db, selection, Actor(http), ct);
            return Results.Ok(new PrintRunsCreated(selection.Describe(), runs.Sum(r => r.Letters), runs.Sum(r => r.Pages),
                runs.Select(PrintRunView.From).ToList()));
        });
    }

    private static async Task<IResult> GetPrintRun(long id, InvorderingDbContext db, CancellationToken ct)
    {
        var run = await db.PrintRuns.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new PrintRunSummary(r.Id, r.CreatedAt, r.CreatedBy, r.Selection, r.LetterCount, r.PageCount, r.Sha256))
            .SingleOrDefaultAsync(ct);
        if (run is null) return PrintRunNotFound(id);
        var letterIds = await db.PrintRunLetters.AsNoTracking().Where(l => l.RunId == id).OrderBy(l => l.Position).Select(l => l.LetterId)
            .ToListAsync(ct);
        return Results.Ok(new PrintRunDetails(PrintRunView.From(run), letterIds));
    }

    private static async Task<IResult> GetPrintRunPdf(long id, InvorderingDbContext db, HttpContext http, CancellationToken ct)
    {
        var pdf = await db.PrintRuns.AsNoTracking().Where(r => r.Id == id).Select(r => r.Pdf).SingleOrDefaultAsync(ct);
        if (pdf is null) return PrintRunNotFound(id);
        Audit.Record(db, Actor(http), "read", "print_run", id, source: http.Request.Path);
        await db.SaveChangesAsync(ct);
        return Results.File(pdf, "application/pdf", $"printrun-{id}.pdf");
    }

    private static async Task<IResult> ListTemplates(InvorderingDbContext db, CancellationToken ct) =>
        Results.Ok(await LetterTemplateStore.ListAsync(db, ct));

    private static async Task<IResult> GetTemplate(string code, InvorderingDbContext db, CancellationToken ct) =>
        await GuardTemplates(async () => Results.Ok((await LetterTemplateStore.VersionsAsync(db, code, ct)).Select(TemplateVersionView.From).ToList()));

    private static async Task<IResult> SaveDraft(string code, TemplateDraftRequest request, InvorderingDbContext db, HttpContext http,
        CancellationToken ct) =>
        await GuardTemplates(async () =>
        {
            var draft = await LetterTemplateStore.SaveDraftAsync(db, code, new TemplateDraft(request.Source ?? "", request.Title, request.Requires),
                Actor(http), ct);
            return Results.Ok(TemplateVersionView.From(draft));
        });

    private static async Task<IResult> Publish(string code, InvorderingDbContext db, LetterTemplates letterTemplates, HttpContext http,
        CancellationToken ct) =>
        await GuardTemplates(async () =>
        {
            var published = await LetterTemplateStore.PublishAsync(db, code, Actor(http), ct);
            letterTemplates.Invalidate();
            return Results.Ok(TemplateVersionView.From(published));
        });

    private static async Task<IResult> Preview(string code, TemplatePreviewRequest? request, InvorderingDbContext db, NpgsqlDataSource dataSource,
        TimeProvider time, CancellationToken ct) =>
        await GuardTemplates(async () =>
        {
            var today = await ServiceClock.TodayAsync(dataSource, time, ct);
            var preview = await LetterTemplateStore.PreviewAsync(db, code, request?.Source, today, ct);
            return Results.Ok(TemplatePreviewView.From(preview));
        });

    /// <summary>A template request that cannot be done: template errors are 422 with each error, a missing template 404, a wrong state 409.</summary>
    private static async Task<IResult> GuardTemplates(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (InvalidTemplateException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Het sjabloon bevat fouten.",
                extensions: new Dictionary<string, object?> { ["errors"] = ex.Errors.Select(e => new TemplateErrorView(e.Template, e.Line, e.Column, e.Message)).ToList() });
        }
        catch (LetterTemplateException ex)
        {
            return Results.Problem(ex.Message, statusCode: ex.Problem == LetterTemplateProblem.Missing ? StatusCodes.Status404NotFound : StatusCodes.Status409Conflict);
        }
    }

    /// <summary>Printing that Chromium cannot do now is a 503 with the reason in Dutch.</summary>
    private static async Task<IResult> GuardPrinting(Func<Task<IResult>> action)
    {
        try
        {
            return await action();
        }
        catch (PrintException ex)
        {
            return Results.Problem(ex.Message, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Afdrukken lukt nu niet.");
        }
    }

    private static IResult PrintRunNotFound(long id) => Results.Problem($"Printrun {id} bestaat niet.", statusCode: StatusCodes.Status404NotFound);

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "anoniem";
}

/// <summary>Which letters to print: of a letter date, of a template or both; <c>reprint</c> also takes letters printed before.</summary>
public sealed record PrintRunRequest(DateOnly? LetterDate, string? TemplateCode, bool Reprint = false);

public sealed record PrintRunView(long Id, DateTimeOffset CreatedAt, string CreatedBy, string Selection, int Letters, int Pages, string Sha256, string PdfUrl)
{
    public static PrintRunView From(PrintRunSummary r) =>
        new(r.Id, r.CreatedAt, r.CreatedBy, r.Selection, r.Letters, r.Pages, r.Sha256, $"/api/print-runs/{r.Id}/pdf");
}

public sealed record PrintRunsCreated(string Selection, int Letters, int Pages, IReadOnlyList<PrintRunView> Runs);

public sealed record PrintRunDetails(PrintRunView Run, IReadOnlyList<long> LetterIds);

/// <summary>A draft's text; for a letter optionally a new title and required model parts (a new letter needs a title).</summary>
public sealed record TemplateDraftRequest(string? Source, string? Title = null, IReadOnlyList<string>? Requires = null);

/// <summary>Text to preview without saving it; without it the saved draft (or the published version) is shown.</summary>
public sealed record TemplatePreviewRequest(string? Source);

public sealed record TemplateVersionView(string Code, string Kind, int Version, string Status, string? Title, IReadOnlyList<string> Requires,
    string Source, string CreatedBy, DateTimeOffset CreatedAt, DateTimeOffset? PublishedAt)
{
    public static TemplateVersionView From(Infrastructure.Persistence.Entities.LetterTemplateRecord t) =>
        new(t.Code, t.Kind, t.Version, t.Status, t.Title, t.Requires, t.Source, t.CreatedBy, t.CreatedAt, t.PublishedAt);
}

public sealed record TemplateErrorView(string Template, int Line, int Column, string Message);

public sealed record TemplatePreviewView(string Code, int Version, string Status, string LetterCode, string Html, PlainLanguageView PlainLanguage)
{
    public static TemplatePreviewView From(TemplatePreview p) =>
        new(p.Code, p.Version, p.Status, p.LetterCode, p.Html, PlainLanguageView.From(p.PlainLanguage));
}

/// <summary>The plain-language check of a preview: level, Flesch-Douma reading ease and the findings with their Dutch explanation.</summary>
public sealed record PlainLanguageView(string Level, bool IsB1, double ReadingEase, int Sentences, int Words, IReadOnlyList<PlainLanguageFindingView> Findings)
{
    public static PlainLanguageView From(PlainLanguageReport r) =>
        new(r.Level, r.IsB1, r.ReadingEase, r.SentenceCount, r.WordCount,
            r.Findings.Select(f => new PlainLanguageFindingView(f.Kind.ToString(), f.Severity.ToString(), f.Text, f.Explanation)).ToList());
}

public sealed record PlainLanguageFindingView(string Kind, string Severity, string Text, string Explanation);
