using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Npgsql;

namespace Invordering.Web;

/// <summary>What every page of the web application needs: the database, the service's today, who is signed in, and a message to show.</summary>
public abstract class StaffPageModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : PageModel
{
    protected InvorderingDbContext Db { get; } = db;

    /// <summary>A message that the last action succeeded, carried over one redirect.</summary>
    [Microsoft.AspNetCore.Mvc.TempData] public string? Done { get; set; }

    /// <summary>Why the last action could not be done.</summary>
    public string? Problem { get; set; }

    protected string Actor => CaseAccess.Actor(User);

    protected Task<DateOnly> TodayAsync() => ServiceClock.TodayAsync(dataSource, time, HttpContext.RequestAborted);

    protected Task AuditReadAsync(string entity, object? id, object? details = null) => PersonalDataAudit.ReadAsync(Db, HttpContext, entity, id, details);
}
