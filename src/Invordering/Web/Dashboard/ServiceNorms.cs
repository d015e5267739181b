using Invordering.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Web.Dashboard;

/// <summary>
/// The service norms management follows per team and per employee (DOMAIN.md, from the seeds): phone calls made
/// within 2 working days, appointments (home visits) kept, each for over 90%; and per run day the letters sent and
/// the costs charged. A task counts once it is done or past its due date; it meets the norm when it was done on or
/// before its due date (which the workflow sets in working days: 2 for a call, 10 for a home visit).
/// </summary>
public sealed record ServiceNorms(
    IReadOnlyList<NormScore> PhonePerTeam,
    IReadOnlyList<NormScore> PhonePerEmployee,
    IReadOnlyList<NormScore> VisitsPerTeam,
    IReadOnlyList<NormScore> VisitsPerEmployee,
    IReadOnlyList<RunTally> Runs)
{
    /// <summary>The share the seeds ask for: over 90%.</summary>
    public const int NormPercent = 90;

    /// <summary>How many run days the letters-and-costs table shows.</summary>
    public const int RunDays = 14;

    public static async Task<ServiceNorms> LoadAsync(InvorderingDbContext db, DateOnly today, CancellationToken ct)
    {
        var counted = await db.FieldTasks.AsNoTracking()
            .Where(t => (t.Kind == "telefoon" || t.Kind == "huisbezoek") && t.Status != "cancelled" && (t.Status == "done" || t.DueDate < today))
            .GroupBy(t => new { t.Kind, t.Team, t.AssignedTo })
            .Select(g => new { g.Key.Kind, g.Key.Team, g.Key.AssignedTo, Counted = g.Count(),
                Met = g.Count(t => t.Status == "done" && t.CompletedOn != null && t.CompletedOn <= t.DueDate) })
            .ToListAsync(ct);

        IReadOnlyList<NormScore> Per(string kind, Func<string?, string?, string> key) =>
            counted.Where(c => c.Kind == kind).GroupBy(c => key(c.Team, c.AssignedTo))
                .Select(g => new NormScore(g.Key, g.Sum(c => c.Met), g.Sum(c => c.Counted))).OrderBy(s => s.Who, StringComparer.Ordinal).ToList();
        static string Team(string? team, string? _) => team ?? "zonder team";
        static string Employee(string? _, string? employee) => employee ?? "niet toegewezen";

        var since = today.AddDays(-RunDays);
        var letters = await db.Letters.AsNoTracking().Where(l => l.LetterDate > since && l.LetterDate <= today)
            .GroupBy(l => l.LetterDate).Select(g => new { Day = g.Key, Count = g.Count() }).ToListAsync(ct);
        var costs = await db.CaseCosts.AsNoTracking().Where(c => c.ChargedOn > since && c.ChargedOn <= today)
            .GroupBy(c => c.ChargedOn).Select(g => new { Day = g.Key, Cents = g.Sum(c => c.AmountCents) }).ToListAsync(ct);
        var runs = letters.Select(l => l.Day).Union(costs.Select(c => c.Day)).OrderByDescending(d => d)
            .Select(d => new RunTally(d, letters.FirstOrDefault(l => l.Day == d)?.Count ?? 0, costs.FirstOrDefault(c => c.Day == d)?.Cents ?? 0))
            .ToList();

        return new ServiceNorms(Per("telefoon", Team), Per("telefoon", Employee), Per("huisbezoek", Team), Per("huisbezoek", Employee), runs);
    }
}

/// <summary>For a team or an employee: how many tasks met the norm out of how many counted.</summary>
public sealed record NormScore(string Who, int Met, int Counted)
{
    /// <summary>The share met, rounded down to a whole percent (so 89.9% does not show as meeting 90%).</summary>
    public int Percent => Counted == 0 ? 0 : 100 * Met / Counted;

    public bool MeetsNorm => Counted > 0 && Met * 100 > Counted * ServiceNorms.NormPercent;
}

/// <summary>One run day: the letters dated that day and the costs charged that day.</summary>
public sealed record RunTally(DateOnly Day, int Letters, long CostsCents);
