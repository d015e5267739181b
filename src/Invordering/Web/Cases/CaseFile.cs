using Invordering.Domain;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Workflows;
using Invordering.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Web.Cases;

/// <summary>Everything the case page shows: debtor, assessment, payments, letters, costs, plans, remission, tasks, workflow and timeline.</summary>
public sealed record CaseFile(
    CollectionCase Case,
    Debtor Debtor,
    Assessment Assessment,
    long CostsCents,
    IReadOnlyList<Payment> Payments,
    IReadOnlyList<Letter> Letters,
    IReadOnlyList<CaseCost> Costs,
    PaymentPlan? ActivePlan,
    IReadOnlyList<PaymentPlanInstalment> PlanInstalments,
    RemissionRequest? PendingRemission,
    IReadOnlyList<FieldTask> Tasks,
    WorkflowInstanceRecord? Workflow,
    WorkflowVersionName? WorkflowVersion,
    IReadOnlyList<TimelineItem> Timeline)
{
    public string? BsnMasked => Debtor.Bsn is null ? null : Bsn.Mask(Debtor.Bsn);
    public long OpenCents => Math.Max(0, Assessment.AmountCents + CostsCents - Assessment.PaidCents);
    public bool IsOpen => Case.Status == "open";

    /// <summary>The workflow's title and version as the case page names it.</summary>
    public string? WorkflowTitle => WorkflowVersion is { } v ? $"{v.Title} (versie {v.Version})" : null;

    /// <summary>What was paid on the assessment since the active plan was agreed (the plan's monitoring counts this against its terms).</summary>
    public long PaidUnderPlanCents => ActivePlan is null ? 0 : Math.Max(0, Assessment.PaidCents - ActivePlan.PaidBeforeCents);

    /// <summary>The plan's terms with whether each is covered by what was paid under the plan, oldest first.</summary>
    public IEnumerable<(PaymentPlanInstalment Term, bool Paid)> PlanSchedule()
    {
        var due = 0L;
        foreach (var term in PlanInstalments)
        {
            due += term.AmountCents;
            yield return (term, due <= PaidUnderPlanCents);
        }
    }
    /// <summary>Why the workflow stands still (regeling, kwijtschelding, medewerker, ...); empty when it runs.</summary>
    public IReadOnlyList<string> Holds => Workflow is null ? [] : InstanceStateJson.Deserialize(Workflow.State).Holds;

    /// <summary>A member of staff paused the case (the workflow's 'medewerker' hold).</summary>
    public bool IsPausedByStaff => Holds.Contains("medewerker");

    /// <summary>An objection came with a deferral of payment (the workflow's 'uitstel' hold).</summary>
    public bool HasDeferral => Holds.Contains("uitstel");

    /// <summary>The workflow still runs (or waits): staff can pause it.</summary>
    public bool HasActiveWorkflow => Workflow is { Status: not ("completed" or "switched" or "not-started" or "failed") };

    public static async Task<CaseFile?> LoadAsync(InvorderingDbContext db, StaffDbContext staff, long caseId, CancellationToken ct)
    {
        var found = await db.CollectionCases.AsNoTracking().Where(c => c.Id == caseId)
            .Join(db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { Case = c, Assessment = a })
            .Join(db.Debtors, x => x.Case.DebtorId, d => d.Id, (x, d) => new { x.Case, x.Assessment, Debtor = d })
            .SingleOrDefaultAsync(ct);
        if (found is null) return null;
        var payments = await db.Payments.AsNoTracking().Where(p => p.AssessmentId == found.Assessment.Id).OrderBy(p => p.BookingDate).ToListAsync(ct);
        var letters = await db.Letters.AsNoTracking().Where(l => l.CaseId == caseId).OrderBy(l => l.Id)
            .Select(l => new Letter { Id = l.Id, CaseId = l.CaseId, TemplateCode = l.TemplateCode, TemplateVersion = l.TemplateVersion, LetterDate = l.LetterDate,
                PayBy = l.PayBy, Html = "", Data = "", ContentHash = l.ContentHash })
            .ToListAsync(ct);
        var costs = await db.CaseCosts.AsNoTracking().Where(c => c.CaseId == caseId).OrderBy(c => c.Id).ToListAsync(ct);
        var plan = await db.PaymentPlans.AsNoTracking().Where(p => p.CaseId == caseId && p.Status == "active").OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
        var instalments = plan is null ? []
            : await db.PaymentPlanInstalments.AsNoTracking().Where(i => i.PlanId == plan.Id).OrderBy(i => i.Sequence).ToListAsync(ct);
        var remission = await db.RemissionRequests.AsNoTracking().Where(r => r.CaseId == caseId && r.Status == "pending").FirstOrDefaultAsync(ct);
        var tasks = await db.FieldTasks.AsNoTracking().Where(t => t.CaseId == caseId).OrderBy(t => t.Id).ToListAsync(ct);
        var workflow = await db.WorkflowInstances.AsNoTracking().Where(i => i.CaseId == caseId).OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct);
        var version = workflow is null ? null
            : await db.WorkflowDefinitions.AsNoTracking().Where(d => d.Id == workflow.DefinitionId)
                .Select(d => new WorkflowVersionName(d.WorkflowId, d.Version, d.Title)).SingleOrDefaultAsync(ct);
        var journal = await db.Journal.AsNoTracking().Where(j => j.CaseId == caseId).OrderBy(j => j.Id)
            .Select(j => new TimelineItem(j.At, j.OccurredOn, j.Kind, JournalKinds.Describe(j.Kind), j.StepId, j.Actor, j.Reason))
            .ToListAsync(ct);
        var notes = (await NotesAsync(staff, caseId, ct))
            .Select(n => new TimelineItem(n.WrittenAt, DateOnly.FromDateTime(n.WrittenAt.UtcDateTime), TimelineItem.NoteKind, "Notitie", null, n.WrittenBy, n.Text))
            .ToList();
        var timeline = journal.Concat(notes).OrderByDescending(t => t.At).ToList();
        return new CaseFile(found.Case, found.Debtor, found.Assessment, costs.Sum(c => c.AmountCents), payments, letters, costs, plan, instalments, remission, tasks,
            workflow, version, timeline);
    }

    /// <summary>The notes staff wrote on a case, oldest first (case page and API).</summary>
    public static async Task<IReadOnlyList<CaseNote>> NotesAsync(StaffDbContext staff, long caseId, CancellationToken ct) =>
        await staff.CaseNotes.AsNoTracking().Where(n => n.CaseId == caseId).OrderBy(n => n.WrittenAt).ToListAsync(ct);
}

/// <summary>Which workflow and version a case runs: its id (such as kan-en-wil), version number and title.</summary>
public sealed record WorkflowVersionName(string WorkflowId, int Version, string Title);

/// <summary>One line of the case timeline: a journal entry of the workflow (its kind) or a note (kind "note"), with who and why.</summary>
public sealed record TimelineItem(DateTimeOffset At, DateOnly On, string Kind, string What, string? StepId, string Actor, string Reason)
{
    public const string NoteKind = "note";
}

/// <summary>The journal's kinds of entry in Dutch.</summary>
public static class JournalKinds
{
    public static string Describe(string kind) => kind switch
    {
        "step-entered" => "Stap begonnen",
        "waiting" => "Wacht",
        "decision" => "Beslissing",
        "event" => "Gebeurtenis",
        "effect" => "Actie",
        "paused" => "Gepauzeerd",
        "resumed" => "Hervat",
        "completed" => "Afgerond",
        "failed" => "Storing",
        "migrated" => "Naar nieuwe versie",
        _ => kind,
    };
}
