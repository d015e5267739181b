using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Web;
using Invordering.Web.Identity;
using Invordering.Workflows;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invordering.Pages.Taken;

/// <summary>
/// One task: only what doing it needs (who, where, how to reach them, what is open and why the visit), and the
/// outcome form that completes it through <see cref="CaseActions.CompleteTaskAsync"/>, which moves the workflow on.
/// A field worker sees only tasks assigned to them; every view is audited.
/// </summary>
public sealed class TaakModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time, CaseActions actions) : StaffPageModel(db, dataSource, time)
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public FieldTask Task { get; private set; } = null!;
    public Debtor Debtor { get; private set; } = null!;
    public string AssessmentNumber { get; private set; } = "";
    public long OpenCents { get; private set; }
    public string Segment { get; private set; } = "";
    public IReadOnlyList<TaskOutcome> Outcomes { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostAsync(string? uitkomst, string? toelichting)
    {
        var ct = HttpContext.RequestAborted;
        if (!await CaseAccess.MayDoTaskAsync(User, Id, Db, ct)) return await DeniedAsync();
        try
        {
            await actions.CompleteTaskAsync(Id, uitkomst, toelichting, await TodayAsync(), Actor, ct);
            Done = "De taak is afgerond. Bedankt!";
            return Redirect(User.IsInRole(StaffRoles.FieldTeam) ? "/buitendienst" : "/werkvoorraad");
        }
        catch (CaseActionException ex)
        {
            Db.ChangeTracker.Clear();
            Problem = ex.Message;
            return await ShowAsync();
        }
    }

    private async Task<IActionResult> ShowAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!await CaseAccess.MayDoTaskAsync(User, Id, Db, ct)) return await DeniedAsync();
        var task = await Db.FieldTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == Id, ct);
        if (task is null) return NotFound();
        var found = await Db.CollectionCases.AsNoTracking().Where(c => c.Id == task.CaseId)
            .Join(Db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { Case = c, Assessment = a })
            .Join(Db.Debtors, x => x.Case.DebtorId, d => d.Id, (x, d) => new { x.Case, x.Assessment, Debtor = d })
            .SingleAsync(ct);
        var costs = await Db.CaseCosts.Where(c => c.CaseId == task.CaseId).SumAsync(c => c.AmountCents, ct);
        (Task, Debtor, AssessmentNumber, Segment) = (task, found.Debtor, found.Assessment.AssessmentNumber, found.Case.Segment);
        OpenCents = Math.Max(0, found.Assessment.AmountCents + costs - found.Assessment.PaidCents);
        Outcomes = task.Status == "open" ? await actions.OutcomesOfAsync(task, ct) : [];
        await AuditReadAsync("field_task", Id, new { caseId = task.CaseId });
        return Page();
    }

    private async Task<IActionResult> DeniedAsync()
    {
        await PersonalDataAudit.DeniedAsync(Db, HttpContext, "field_task", Id);
        return Forbid();
    }

    public string KindName => Task.Kind switch { "huisbezoek" => "Huisbezoek", "telefoon" => "Telefoongesprek", _ => "Beoordeling" };
}
