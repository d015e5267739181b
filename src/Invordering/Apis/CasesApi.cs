using Invordering.Domain;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Segmentation;
using Invordering.Web;
using Invordering.Web.Cases;
using Invordering.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Apis;

/// <summary>/api/cases: a collection case with its debtor, assessment, letters, costs and timeline.</summary>
public static class CasesApi
{
    public static IEndpointRouteBuilder MapCasesApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api").WithTags("Zaken").RequireAuthorization(StaffPolicies.CaseReading);
        group.MapGet("/cases/{id:long}", GetCase).WithName("GetCase");
        group.MapGet("/letters/{id:long}/html", GetLetterHtml).WithName("GetLetterHtml");
        return app;
    }

    private static async Task<IResult> GetCase(long id, InvorderingDbContext db, StaffDbContext staff, Segmenter segmenter, HttpContext http, CancellationToken ct)
    {
        var found = await db.CollectionCases.AsNoTracking()
            .Where(c => c.Id == id)
            .Join(db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { Case = c, Assessment = a })
            .Join(db.Debtors, x => x.Case.DebtorId, d => d.Id, (x, d) => new { x.Case, x.Assessment, Debtor = d })
            .SingleOrDefaultAsync(ct);
        if (found is null) return Results.Problem($"Zaak {id} bestaat niet.", statusCode: StatusCodes.Status404NotFound);
        if (!await CaseAccess.MayReadCaseAsync(http.User, id, db, ct)) return await Denied(db, http, "collection_case", id);

        var letters = await db.Letters.AsNoTracking().Where(l => l.CaseId == id).OrderBy(l => l.Id)
            .Select(l => new CaseLetter(l.Id, l.TemplateCode, l.TemplateVersion, l.LetterDate, l.PayBy, l.ContentHash, $"/api/letters/{l.Id}/html"))
            .ToListAsync(ct);
        var costs = await db.CaseCosts.AsNoTracking().Where(c => c.CaseId == id).OrderBy(c => c.Id)
            .Select(c => new CaseCostLine(c.Kind, c.AmountCents, c.ChargedOn, c.Reason)).ToListAsync(ct);
        var timeline = await db.Journal.AsNoTracking().Where(j => j.CaseId == id).OrderBy(j => j.Id)
            .Select(j => new TimelineEntry(j.At, j.Kind, j.StepId, j.Actor, j.Reason)).ToListAsync(ct);
        var workflow = await db.WorkflowInstances.AsNoTracking().Where(i => i.CaseId == id).OrderByDescending(i => i.Id)
            .Join(db.WorkflowDefinitions, i => i.DefinitionId, d => d.Id,
                (i, d) => new CaseWorkflow(d.WorkflowId, d.Version, i.CurrentStep, i.Status, i.WakeOn))
            .FirstOrDefaultAsync(ct);

        var notes = (await CaseFile.NotesAsync(staff, id, ct)).Select(n => new CaseNoteView(n.WrittenAt, n.WrittenBy, n.Text)).ToList();
        // The segment with its reasons, as the case page shows it (its read audited by the segmenter, as on the page).
        var segment = await segmenter.DescribeAsync(db, found.Debtor.Id, Actor(http), http.Request.Path, ct);

        Audit.Record(db, Actor(http), "read", "collection_case", id, source: http.Request.Path);
        await db.SaveChangesAsync(ct);

        var (c, a, d) = (found.Case, found.Assessment, found.Debtor);
        return Results.Ok(new CaseView(
            c.Id, c.Status, c.Segment, c.OpenedOn, c.Outcome, c.ClosedOn,
            new CaseDebtor(d.Id, d.Name, d.Bsn == null ? null : Bsn.Mask(d.Bsn), d.Kvk, d.Street, d.HouseNumber, d.Postcode, d.City),
            new CaseAssessment(a.AssessmentNumber, a.TaxYear, a.TaxKind, a.IssueDate, a.DueDate, a.AmountCents, a.PaidCents,
                a.OpenCents, a.PaymentReference),
            workflow, letters, costs, timeline, notes, segment));
    }

    private static async Task<IResult> GetLetterHtml(long id, InvorderingDbContext db, HttpContext http, CancellationToken ct)
    {
        var letter = await db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.Id == id, ct);
        if (letter is null) return Results.Problem($"Brief {id} bestaat niet.", statusCode: StatusCodes.Status404NotFound);
        if (!await CaseAccess.MayReadCaseAsync(http.User, letter.CaseId, db, ct)) return await Denied(db, http, "letter", id);
        Audit.Record(db, Actor(http), "read", "letter", id, source: http.Request.Path);
        await db.SaveChangesAsync(ct);
        return Results.Content(letter.Html, "text/html; charset=utf-8");
    }

    /// <summary>A field worker asking for a case that is not theirs: 403, and the attempt is audited.</summary>
    private static async Task<IResult> Denied(InvorderingDbContext db, HttpContext http, string entity, long id)
    {
        await PersonalDataAudit.DeniedAsync(db, http, entity, id);
        return Results.Problem("Deze zaak hoort niet bij uw taken.", statusCode: StatusCodes.Status403Forbidden, title: "Geen toegang");
    }

    private static string Actor(HttpContext http) => http.User.Identity?.Name ?? "anoniem";
}

public sealed record CaseView(long Id, string Status, string Segment, DateOnly OpenedOn, string? Outcome, DateOnly? ClosedOn,
    CaseDebtor Debtor, CaseAssessment Assessment, CaseWorkflow? Workflow, IReadOnlyList<CaseLetter> Letters,
    IReadOnlyList<CaseCostLine> Costs, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<CaseNoteView> Notes, DebtorSegmentView? SegmentReasons);

/// <summary>A note staff wrote on the case.</summary>
public sealed record CaseNoteView(DateTimeOffset WrittenAt, string WrittenBy, string Text);

public sealed record CaseDebtor(long Id, string Name, string? BsnMasked, string? Kvk, string Street, string HouseNumber, string Postcode, string City);

public sealed record CaseAssessment(string Number, short TaxYear, string? TaxKind, DateOnly IssueDate, DateOnly DueDate,
    long AmountCents, long PaidCents, long OpenCents, string PaymentReference);

public sealed record CaseWorkflow(string WorkflowId, int Version, string CurrentStep, string Status, DateOnly? WakeOn);

public sealed record CaseLetter(long Id, string TemplateCode, int TemplateVersion, DateOnly LetterDate, DateOnly? PayBy, string ContentHash, string HtmlUrl);

public sealed record CaseCostLine(string Kind, long AmountCents, DateOnly ChargedOn, string? Reason);

public sealed record TimelineEntry(DateTimeOffset At, string Kind, string? StepId, string Actor, string Reason);
