using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Invordering.Web;
using Invordering.Web.FieldWork;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Buitendienst;

/// <summary>My tasks for today and this week, grouped by postcode area; the team's unassigned tasks to take on.</summary>
public sealed class MijnTakenModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : StaffPageModel(db, dataSource, time)
{
    public FieldTaskList List { get; private set; } = null!;

    public async Task OnGetAsync() => await ShowAsync();

    public async Task<IActionResult> OnPostOppakkenAsync(long taak)
    {
        try
        {
            await FieldTaskList.TakeOnAsync(Db, taak, Actor, HttpContext.RequestAborted);
            Done = "De taak staat nu op uw lijst.";
            return RedirectToPage();
        }
        catch (CaseActionException ex)
        {
            Problem = ex.Message;
            await ShowAsync();
            return Page();
        }
    }

    private async Task ShowAsync()
    {
        List = await FieldTaskList.LoadAuditedAsync(Db, HttpContext, Actor, await TodayAsync(), HttpContext.RequestAborted);
    }
}
