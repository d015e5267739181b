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
        if (!await db.CollectionCases.AnyAsync(c => c.Id == id, ct))
            return Results.Problem($"Zaak {id} bestaat niet.", statusCode: StatusCodes.Status404NotFound);
        if (!await CaseAccess.MayReadCaseAsync(http.User, id, db, ct)) return await Denied(db, http, "collection_case", id);

        // What the case page shows, loaded the one way the page loads it.
        var file = (await CaseFile.LoadAsync(db, staff, id, ct))!;
        var workflow = (file.Workflow, file.WorkflowVersion) is ({ } instance, { } version)
            ? new CaseWorkflow(version.WorkflowId, version.Version, instance.CurrentStep, instance.Status, instance.WakeOn, file.Holds)
            : null;
        // The segment with its reasons, as the case page shows it (its read audited by the segmenter, as on the page).
        var segment = await segmenter.DescribeAsync(db, file.Debtor.Id, Actor(http), http.Request.Path, ct);

        Audit.Record(db, Actor(http), "read", "collection_case", id, source: http.Request.Path);
        await db.SaveChangesAsync(ct);

        var (c, a, d) = (file.Case, file.Assessment, file.Debtor);
        return Results.Ok(new CaseView(
            c.Id, c.Status, c.Segment, c.OpenedOn, c.Outcome, c.ClosedOn,
            new CaseDebtor(d.Id, d.Name, file.BsnMasked, d.Kvk, d.Street, d.HouseNumber, d.Postcode, d.City),
            new CaseAssessment(a.AssessmentNumber, a.TaxYear, a.TaxKind, a.IssueDate, a.DueDate, a.AmountCents, a.PaidCents,
                a.OpenCents, a.PaymentReference),
            file.OpenCents,
            workflow,
            file.Payments.Select(p => new CasePayment(p.Id, p.BookingDate, p.AmountCents, p.Description, p.Status)).ToList(),
            file.Letters.Select(l => new CaseLetter(l.Id, l.TemplateCode, l.TemplateVersion, l.LetterDate, l.PayBy, l.ContentHash, $"/api/letters/{l.Id}/html")).ToList(),
            file.Costs.Select(x => new CaseCostLine(x.Kind, x.AmountCents, x.ChargedOn, x.Reason)).ToList(),
            file.ActivePlan is { } plan
                ? new CasePaymentPlan(plan.AgreedOn, plan.AgreedBy, file.PaidUnderPlanCents,
                    file.PlanSchedule().Select(t => new CasePlanTerm(t.Term.Sequence, t.Term.DueDate, t.Term.AmountCents, t.Paid)).ToList())
                : null,
            file.PendingRemission is { } remission ? new CasePendingRemission(remission.RequestedOn) : null,
            file.Tasks.Select(t => new CaseTask(t.Id, t.Kind, t.Status, t.DueDate, t.AssignedTo, t.Outcome, t.CompletedOn)).ToList(),
            file.Timeline.Where(t => t.Kind != TimelineItem.NoteKind).OrderBy(t => t.At)
                .Select(t => new TimelineEntry(t.At, t.Kind, t.StepId, t.Actor, t.Reason)).ToList(),
            file.Timeline.Where(t => t.Kind == TimelineItem.NoteKind).OrderBy(t => t.At)
                .Select(t => new CaseNoteView(t.At, t.Actor, t.Reason)).ToList(),
            segment));
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
    CaseDebtor Debtor, CaseAssessment Assessment, long OpenWithCostsCents, CaseWorkflow? Workflow, IReadOnlyList<CasePayment> Payments,
    IReadOnlyList<CaseLetter> Letters, IReadOnlyList<CaseCostLine> Costs, CasePaymentPlan? ActivePlan, CasePendingRemission? PendingRemission,
    IReadOnlyList<CaseTask> Tasks, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyList<CaseNoteView> Notes, DebtorSegmentView? SegmentReasons);

/// <summary>A payment booked on the case's assessment.</summary>
public sealed record CasePayment(long Id, DateOnly BookingDate, long AmountCents, string? Description, string Status);

/// <summary>The active payment plan: when and by whom it was agreed, what was paid under it, and its terms.</summary>
public sealed record CasePaymentPlan(DateOnly AgreedOn, string AgreedBy, long PaidUnderPlanCents, IReadOnlyList<CasePlanTerm> Terms);

/// <summary>A term of the plan; paid when what was paid under the plan covers it and every term before it.</summary>
public sealed record CasePlanTerm(short Sequence, DateOnly DueDate, long AmountCents, bool Paid);

/// <summary>A remission request waiting for its decision (the workflow stands still meanwhile).</summary>
public sealed record CasePendingRemission(DateOnly RequestedOn);

/// <summary>A phone call or home visit of the case.</summary>
public sealed record CaseTask(long Id, string Kind, string Status, DateOnly DueDate, string? AssignedTo, string? Outcome, DateOnly? CompletedOn);

/// <summary>A note staff wrote on the case.</summary>
public sealed record CaseNoteView(DateTimeOffset WrittenAt, string WrittenBy, string Text);

public sealed record CaseDebtor(long Id, string Name, string? BsnMasked, string? Kvk, string Street, string HouseNumber, string Postcode, string City);

public sealed record CaseAssessment(string Number, short TaxYear, string? TaxKind, DateOnly IssueDate, DateOnly DueDate,
    long AmountCents, long PaidCents, long OpenCents, string PaymentReference);

/// <summary>The case's workflow: its definition and version, where it stands, when it wakes and why it stands still (its holds).</summary>
public sealed record CaseWorkflow(string WorkflowId, int Version, string CurrentStep, string Status, DateOnly? WakeOn, IReadOnlyList<string> Holds);

public sealed record CaseLetter(long Id, string TemplateCode, int TemplateVersion, DateOnly LetterDate, DateOnly? PayBy, string ContentHash, string HtmlUrl);

public sealed record CaseCostLine(string Kind, long AmountCents, DateOnly ChargedOn, string? Reason);

public sealed record TimelineEntry(DateTimeOffset At, string Kind, string? StepId, string Actor, string Reason);
