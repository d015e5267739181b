using Invordering.Domain;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Tariffs;

/// <summary>A tariff period as the editor shows it: the tariff, its last day (null while no later period is planned), and who added it when.</summary>
public sealed record TariffPeriod(CostTariff Tariff, DateOnly? ValidUntil, string CreatedBy, DateTimeOffset CreatedAt)
{
    /// <summary>Whether the period applies on <paramref name="date"/>.</summary>
    public bool AppliesOn(DateOnly date) => Tariff.ValidFrom <= date && (ValidUntil is null || date <= ValidUntil);
}

/// <summary>Why a tariff period cannot be added or withdrawn, with a Dutch message per field.</summary>
public sealed class TariffException(IReadOnlyList<TariffProblem> problems)
    : Exception(string.Join(" ", problems.Select(p => p.Message)))
{
    public IReadOnlyList<TariffProblem> Problems { get; } = problems;
}

/// <summary>
/// The dated Kostenwet tariff table in the database: read as a <see cref="TariffTable"/> for the cost calculation
/// (which takes the period valid on the day a cost is charged), listed as periods for the editor, extended with a
/// new period that <see cref="TariffPeriodRules"/> accepts, and a planned period withdrawn before it starts. Changes are audited.
/// </summary>
public static class TariffStore
{
    private const string Entity = "cost_tariff";

    /// <summary>The tariff table the cost calculation uses.</summary>
    public static async Task<TariffTable> TableAsync(InvorderingDbContext db, CancellationToken ct) =>
        new((await db.CostTariffs.AsNoTracking().ToListAsync(ct)).Select(t => t.ToTariff()));

    /// <summary>Every period, oldest first, each running until the day before the next one starts.</summary>
    public static async Task<IReadOnlyList<TariffPeriod>> PeriodsAsync(InvorderingDbContext db, CancellationToken ct)
    {
        var rows = await db.CostTariffs.AsNoTracking().OrderBy(t => t.ValidFrom).ToListAsync(ct);
        return rows.Select((row, i) => new TariffPeriod(row.ToTariff(), i + 1 < rows.Count ? rows[i + 1].ValidFrom.AddDays(-1) : null,
            row.CreatedBy, row.CreatedAt)).ToList();
    }

    /// <summary>Adds a period starting on <c>tariff.ValidFrom</c>; the period before it then ends the day before.</summary>
    /// <exception cref="TariffException">The period starts today or earlier, overlaps a planned one, or has a negative amount or a gap in a scale.</exception>
    public static async Task AddAsync(InvorderingDbContext db, CostTariff tariff, DateOnly today, string actor, CancellationToken ct)
    {
        var problems = TariffPeriodRules.Check(tariff, await TableAsync(db, ct), today);
        if (problems.Count > 0) throw new TariffException(problems);
        db.CostTariffs.Add(new CostTariffRecord
        {
            ValidFrom = tariff.ValidFrom,
            DemandThresholdCents = tariff.DemandThreshold.Cents,
            DemandBelowCents = tariff.DemandBelowThreshold.Cents,
            DemandAtOrAboveCents = tariff.DemandAtOrAboveThreshold.Cents,
            WritMinimumCents = tariff.WritMinimum.Cents,
            WritMaximumCents = tariff.WritMaximum.Cents,
            WritStepCents = tariff.WritStep.Cents,
            WritStepSizeCents = tariff.WritStepSize.Cents,
            WritBaseClaimCents = tariff.WritBaseClaim.Cents,
            RenewedWritCents = tariff.RenewedWrit.Cents,
            CreatedBy = actor,
            CreatedAt = DateTimeOffset.UtcNow,
        });
        Audit.Record(db, actor, "add", Entity, tariff.ValidFrom.ToString("yyyy-MM-dd"), details: Figures(tariff));
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Withdraws a planned period that has not started yet; the period before it runs on again.</summary>
    /// <exception cref="TariffException">There is no period starting on that date, or it has already started.</exception>
    public static async Task WithdrawAsync(InvorderingDbContext db, DateOnly validFrom, DateOnly today, string actor, CancellationToken ct)
    {
        var row = await db.CostTariffs.SingleOrDefaultAsync(t => t.ValidFrom == validFrom, ct)
            ?? throw new TariffException([new(nameof(CostTariff.ValidFrom), $"Er is geen tarief dat op {validFrom:dd-MM-yyyy} ingaat.")]);
        if (validFrom <= today)
            throw new TariffException([new(nameof(CostTariff.ValidFrom),
                $"Het tarief van {validFrom:dd-MM-yyyy} geldt al en kan niet worden ingetrokken: er kunnen kosten mee berekend zijn. Voeg een nieuw tarief toe dat na vandaag ingaat.")]);
        db.CostTariffs.Remove(row);
        Audit.Record(db, actor, "withdraw", Entity, validFrom.ToString("yyyy-MM-dd"), details: Figures(row.ToTariff()));
        await db.SaveChangesAsync(ct);
    }

    private static Dictionary<string, long> Figures(CostTariff tariff) =>
        TariffPeriodRules.Amounts.ToDictionary(a => a.Field, a => a.Amount(tariff).Cents);
}
