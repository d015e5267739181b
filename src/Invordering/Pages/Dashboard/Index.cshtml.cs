using Invordering.Infrastructure.Persistence;
using Invordering.Web;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invordering.Pages.Dashboard;

/// <summary>A simple overview: per segment how many cases are open and how closed ones ended; letters per kind and costs charged. No personal data.</summary>
public sealed class OverzichtModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : StaffPageModel(db, dataSource, time)
{
    public IReadOnlyList<SegmentFunnel> Funnels { get; private set; } = [];
    public IReadOnlyList<(string Template, int Count)> Letters { get; private set; } = [];
    public IReadOnlyList<(string Kind, int Count, long Cents)> Costs { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        var rows = await Db.CollectionCases.AsNoTracking().GroupBy(c => new { c.Segment, c.Status, c.Outcome })
            .Select(g => new { g.Key.Segment, g.Key.Status, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        Funnels = rows.GroupBy(r => r.Segment).OrderBy(g => g.Key)
            .Select(g => new SegmentFunnel(g.Key, g.Sum(r => r.Count), g.Where(r => r.Status == "open").Sum(r => r.Count),
                g.Where(r => r.Status != "open").GroupBy(r => r.Outcome ?? "onbekend").Select(o => (o.Key, o.Sum(r => r.Count))).OrderByDescending(o => o.Item2).ToList()))
            .ToList();
        Letters = (await Db.Letters.AsNoTracking().GroupBy(l => l.TemplateCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(l => l.Count).Select(l => (l.Key, l.Count)).ToList();
        Costs = (await Db.CaseCosts.AsNoTracking().GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count(), Cents = g.Sum(c => c.AmountCents) }).ToListAsync(ct))
            .OrderBy(c => c.Key).Select(c => (c.Key, c.Count, c.Cents)).ToList();
    }
}

public sealed record SegmentFunnel(string Segment, int Cases, int Open, IReadOnlyList<(string Outcome, int Count)> Closed);
