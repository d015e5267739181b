using Invordering.Infrastructure.Persistence;
using Invordering.Web;
using Invordering.Web.Dashboard;
using Npgsql;

namespace Invordering.Pages.Dashboard;

/// <summary>A simple overview: per segment how many cases are open and how closed ones ended; letters per kind and costs charged. No personal data.</summary>
public sealed class OverzichtModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : StaffPageModel(db, dataSource, time)
{
    public IReadOnlyList<SegmentFunnel> Funnels { get; private set; } = [];
    public IReadOnlyList<LetterCount> Letters { get; private set; } = [];
    public IReadOnlyList<CostCount> Costs { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var funnel = await CaseFunnel.LoadAsync(Db, HttpContext.RequestAborted);
        (Funnels, Letters, Costs) = (funnel.Segments, funnel.Letters, funnel.Costs);
    }
}
