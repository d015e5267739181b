using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Web;
using Invordering.Web.FieldWork;
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
    public FieldTaskDetail Detail { get; private set; } = null!;

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
        if (await FieldTaskDetail.LoadAsync(Db, actions, Id, ct) is not { } detail) return NotFound();
        Detail = detail;
        await AuditReadAsync("field_task", Id, new { caseId = detail.Task.CaseId });
        return Page();
    }

    private async Task<IActionResult> DeniedAsync()
    {
        await PersonalDataAudit.DeniedAsync(Db, HttpContext, "field_task", Id);
        return Forbid();
    }
}
