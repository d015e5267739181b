using Invordering.Domain;
using Invordering.Infrastructure.Tariffs;
using Invordering.Infrastructure.Tests.Workflows;
using Invordering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Tests.Tariffs;

/// <summary>
/// The tariff editor's store on a real database: a new period starts after today, after every planned period, without
/// negative amounts or gaps in a scale; the period before it then ends the day before; costs are charged with the period
/// valid on the letter date; and every change is audited.
/// </summary>
public sealed class TariffStoreTests : IAsyncLifetime
{
    private static readonly DateOnly Today = new(2026, 11, 20);
    private static readonly DateOnly NewYear = new(2027, 1, 1);

    private readonly CaseWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    /// <summary>The 2025 figures with other aanmaning and dwangbevel amounts, starting on <paramref name="validFrom"/>.</summary>
    private static CostTariff Indexed(DateOnly validFrom) => new(validFrom, new Money(45_400), new Money(1_000), new Money(2_100),
        new Money(5_200), new Money(1_500_000), new Money(500), new Money(4_500), new Money(4_500), new Money(2_000));

    private static WorkflowInstanceState WaitingForWrit(DateOnly day) => new()
    {
        DefinitionId = "wil-niet", DefinitionVersion = 1, CurrentStepId = "wacht-na-aanmaning", Status = WorkflowStatus.Waiting,
        WakeUp = day, StepEnteredOn = day.AddDays(-14), LastDemandDate = day.AddDays(-14),
    };

    [Fact]
    public async Task A_new_period_ends_the_one_before_and_costs_charged_from_its_first_day_use_it()
    {
        await using (var db = _world.Database.CreateContext())
            await TariffStore.AddAsync(db, Indexed(NewYear), Today, "beheerder@test", CancellationToken.None);

        await using (var db = _world.Database.CreateContext())
        {
            var periods = await TariffStore.PeriodsAsync(db, CancellationToken.None);
            Assert.Equal([(new DateOnly(2024, 1, 1), new DateOnly(2024, 12, 31)), (new DateOnly(2025, 1, 1), new DateOnly(2026, 12, 31)), (NewYear, (DateOnly?)null)],
                periods.Select(p => (p.Tariff.ValidFrom, p.ValidUntil)));
            Assert.Equal("beheerder@test", periods[^1].CreatedBy);
            Assert.True(periods[1].AppliesOn(Today));
        }

        var demandBefore = await _world.AddOverdueAssessmentAsync(60_000, NewYear.AddDays(-2));
        var writBefore = await _world.AddCaseAsync(45_400, WaitingForWrit(NewYear.AddDays(-1)));
        var writOnFirstDay = await _world.AddCaseAsync(45_400, WaitingForWrit(NewYear));
        await _world.RunDayAsync(NewYear.AddDays(-1));
        var demandOnFirstDay = await _world.AddOverdueAssessmentAsync(60_000, NewYear.AddDays(-1));
        await _world.RunDayAsync(NewYear);

        async Task<long> CostAsync(long caseId, string kind) => await _world.ScalarAsync<long>(
            "SELECT coalesce(sum(amount_cents), -1)::bigint FROM case_costs WHERE case_id = @case AND kind = @kind", ("case", caseId), ("kind", kind));
        Assert.Equal(1_900, await CostAsync(await _world.CaseOfAsync(demandBefore), "aanmaning"));
        Assert.Equal(2_100, await CostAsync(await _world.CaseOfAsync(demandOnFirstDay), "aanmaning"));
        Assert.Equal(4_900 + 9 * 400, await CostAsync(writBefore, "dwangbevel"));
        Assert.Equal(5_200 + 9 * 500, await CostAsync(writOnFirstDay, "dwangbevel"));
        Assert.Equal(1, await _world.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity = 'cost_tariff' AND action = 'add' AND entity_id = '2027-01-01' AND actor = 'beheerder@test' AND details ->> 'WritStep' = '500'"));
    }

    [Fact]
    public async Task Backdated_overlapping_negative_and_gapped_periods_are_refused_in_Dutch_and_nothing_is_stored()
    {
        async Task<IReadOnlyList<TariffProblem>> RefusedAsync(CostTariff tariff)
        {
            await using var db = _world.Database.CreateContext();
            return (await Assert.ThrowsAsync<TariffException>(() => TariffStore.AddAsync(db, tariff, Today, "beheerder@test", CancellationToken.None))).Problems;
        }

        var backdated = Assert.Single(await RefusedAsync(Indexed(Today)));
        Assert.Equal(nameof(CostTariff.ValidFrom), backdated.Field);
        Assert.StartsWith("De ingangsdatum ligt niet na vandaag (20-11-2026). Een tarief geldt niet met terugwerkende kracht", backdated.Message);
        Assert.Contains("Kies 21-11-2026 of later.", backdated.Message);

        var negative = await RefusedAsync(Indexed(NewYear) with { DemandBelowThreshold = new Money(-100), RenewedWrit = new Money(-1) });
        Assert.Equal(["Aanmaning onder de grens: het bedrag mag niet negatief zijn.", "Hernieuwd bevel: het bedrag mag niet negatief zijn."],
            negative.Select(p => p.Message));

        var gap = Assert.Single(await RefusedAsync(Indexed(NewYear) with { WritStep = Money.Zero }));
        Assert.Equal(nameof(CostTariff.WritStep), gap.Field);
        Assert.StartsWith("De schaal van het dwangbevel heeft een gat", gap.Message);
        Assert.Equal("Het maximum van het dwangbevel (€ 40,00) ligt onder het minimum (€ 52,00).",
            Assert.Single(await RefusedAsync(Indexed(NewYear) with { WritMaximum = new Money(4_000) })).Message);
        Assert.Equal(nameof(CostTariff.WritStepSize), Assert.Single(await RefusedAsync(Indexed(NewYear) with { WritStepSize = Money.Zero })).Field);

        await using (var db = _world.Database.CreateContext())
            await TariffStore.AddAsync(db, Indexed(NewYear), Today, "beheerder@test", CancellationToken.None);
        Assert.Equal("Er is al een tarief dat op 01-01-2027 ingaat. Twee tarieven voor dezelfde dag overlappen; trek het geplande tarief eerst in.",
            Assert.Single(await RefusedAsync(Indexed(NewYear))).Message);
        Assert.StartsWith("Er is al een tarief gepland vanaf 01-01-2027. Een nieuw tarief op 01-12-2026 zou in dat tijdvak vallen.",
            Assert.Single(await RefusedAsync(Indexed(new DateOnly(2026, 12, 1)))).Message);

        Assert.Equal(3, await _world.ScalarAsync<long>("SELECT count(*) FROM cost_tariffs"));
        Assert.Equal(1, await _world.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'cost_tariff'"));
    }

    [Fact]
    public async Task A_planned_period_can_be_withdrawn_but_one_in_force_cannot()
    {
        await using var db = _world.Database.CreateContext();
        await TariffStore.AddAsync(db, Indexed(NewYear), Today, "beheerder@test", CancellationToken.None);

        var inForce = await Assert.ThrowsAsync<TariffException>(() =>
            TariffStore.WithdrawAsync(db, new DateOnly(2025, 1, 1), Today, "beheerder@test", CancellationToken.None));
        Assert.StartsWith("Het tarief van 01-01-2025 geldt al en kan niet worden ingetrokken", inForce.Message);
        await TariffStore.WithdrawAsync(db, NewYear, Today, "beheerder@test", CancellationToken.None);

        Assert.Equal([new DateOnly(2024, 1, 1), new DateOnly(2025, 1, 1)], await db.CostTariffs.Select(t => t.ValidFrom).OrderBy(d => d).ToListAsync());
        Assert.Equal(new DateOnly(2025, 1, 1), (await TariffStore.TableAsync(db, CancellationToken.None)).ValidOn(NewYear).ValidFrom);
        Assert.Equal(1, await _world.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'cost_tariff' AND action = 'withdraw' AND entity_id = '2027-01-01'"));
    }
}
