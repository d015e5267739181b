using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Invordering.Web.Dashboard;
using Invordering.Web.Identity;
using Npgsql;

namespace Invordering.Apis;

/// <summary>/api/dashboard: the overview and the service norms, as on the dashboard pages. Counts and staff names, no personal data of citizens.</summary>
public static class DashboardApi
{
    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/dashboard").WithTags("Dashboard").RequireAuthorization(StaffPolicies.CaseWork);
        group.MapGet("/funnel", (InvorderingDbContext db, CancellationToken ct) => CaseFunnel.LoadAsync(db, ct)).WithName("GetCaseFunnel");
        group.MapGet("/service-norms", async (InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time, CancellationToken ct) =>
            await ServiceNorms.LoadAsync(db, await ServiceClock.TodayAsync(dataSource, time, ct), ct)).WithName("GetServiceNorms");
        return app;
    }
}
