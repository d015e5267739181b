using Invordering.Infrastructure.Persistence;
using Invordering.Web;
using Invordering.Web.Dashboard;
using Npgsql;

namespace Invordering.Pages.Dashboard;

/// <summary>The service norms per team and per employee, and letters and costs per run day. Names staff, not debtors: no personal data of citizens.</summary>
public sealed class ServicenormenModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : StaffPageModel(db, dataSource, time)
{
    public ServiceNorms Norms { get; private set; } = null!;
    public DateOnly Today { get; private set; }

    public async Task OnGetAsync()
    {
        Today = await TodayAsync();
        Norms = await ServiceNorms.LoadAsync(Db, Today, HttpContext.RequestAborted);
    }
}
