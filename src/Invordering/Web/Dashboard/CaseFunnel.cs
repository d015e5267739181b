using Invordering.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Web.Dashboard;

/// <summary>
/// The overview (dashboard page and API): per segment how many cases are open and how closed ones ended; letters per
/// kind and costs charged. Counts only, no personal data.
/// </summary>
public sealed record CaseFunnel(IReadOnlyList<SegmentFunnel> Segments, IReadOnlyList<LetterCount> Letters, IReadOnlyList<CostCount> Costs)
{
    public static async Task<CaseFunnel> LoadAsync(InvorderingDbContext db, CancellationToken ct)
    {
        var rows = await db.CollectionCases.AsNoTracking().GroupBy(c => new { c.Segment, c.Status, c.Outcome })
            .Select(g => new { g.Key.Segment, g.Key.Status, g.Key.Outcome, Count = g.Count() }).ToListAsync(ct);
        var funnels = rows.GroupBy(r => r.Segment).OrderBy(g => g.Key)
            .Select(g => new SegmentFunnel(g.Key, g.Sum(r => r.Count), g.Where(r => r.Status == "open").Sum(r => r.Count),
                g.Where(r => r.Status != "open").GroupBy(r => r.Outcome ?? "onbekend").Select(o => new OutcomeCount(o.Key, o.Sum(r => r.Count)))
                    .OrderByDescending(o => o.Count).ToList()))
            .ToList();
        var letters = (await db.Letters.AsNoTracking().GroupBy(l => l.TemplateCode).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(ct))
            .OrderByDescending(l => l.Count).Select(l => new LetterCount(l.Key, l.Count)).ToList();
        var costs = (await db.CaseCosts.AsNoTracking().GroupBy(c => c.Kind).Select(g => new { g.Key, Count = g.Count(), Cents = g.Sum(c => c.AmountCents) }).ToListAsync(ct))
            .OrderBy(c => c.Key).Select(c => new CostCount(c.Key, c.Count, c.Cents)).ToList();
        return new CaseFunnel(funnels, letters, costs);
    }
}

public sealed record SegmentFunnel(string Segment, int Cases, int Open, IReadOnlyList<OutcomeCount> Closed);

public sealed record OutcomeCount(string Outcome, int Count);

public sealed record LetterCount(string Template, int Count);

public sealed record CostCount(string Kind, int Count, long Cents);
