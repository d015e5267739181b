using Invordering.Workflows;

namespace Invordering.Infrastructure.Tests.Workflows;

/// <summary>
/// The costs a letter charges, end to end (workflow, IssueLetter, consumer, case_costs): the aanmaning
/// follows the threshold of 454 euros, the dwangbevel the scale (minimum, a step per full 45 euros
/// above the first 45, maximum), both from the cost_tariffs row valid on the letter date, including
/// a row added to the table (a new year's indexation needs no code).
/// </summary>
public sealed class CollectionCostsTests : IAsyncLifetime
{
    private static readonly DateOnly LastDayOf2024 = new(2024, 12, 31);
    private static readonly DateOnly SecondDayOf2025 = new(2025, 1, 2);
    private static readonly DateOnly SecondDayOf2026 = new(2026, 1, 2);

    private readonly CaseWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    private static long Euros(decimal euros) => (long)(euros * 100);

    /// <summary>An instance that sent its aanmaning 14 days before <paramref name="day"/> and wakes for the dwangbevel on it.</summary>
    private static WorkflowInstanceState WaitingForWrit(DateOnly day) => new()
    {
        DefinitionId = "wil-niet", DefinitionVersion = 1, CurrentStepId = "wacht-na-aanmaning", Status = WorkflowStatus.Waiting,
        WakeUp = day, StepEnteredOn = day.AddDays(-14), LastDemandDate = day.AddDays(-14),
    };

    private async Task<long> DemandCaseAsync(decimal euros, DateOnly day) =>
        await _world.AddOverdueAssessmentAsync(Euros(euros), day.AddDays(-1));

    private Task<long> CostAsync(long caseId, string kind) =>
        _world.ScalarAsync<long>("SELECT coalesce(sum(amount_cents), -1)::bigint FROM case_costs WHERE case_id = @case AND kind = @kind",
            ("case", caseId), ("kind", kind));

    [Fact]
    public async Task Aanmaning_and_dwangbevel_costs_follow_threshold_and_scale_of_the_tariff_valid_on_the_letter_date()
    {
        // 2024 (table: aanmaning 8 / 18 from 454; dwangbevel 46 + 4 per full 45 above the first 45).
        var demand2024Below = await DemandCaseAsync(453.99m, LastDayOf2024);
        var demand2024AtThreshold = await DemandCaseAsync(454.00m, LastDayOf2024);
        var writ2024 = await _world.AddCaseAsync(Euros(454.00m), WaitingForWrit(LastDayOf2024));
        // 2025 (table: aanmaning 9 / 19; dwangbevel 49 + 4 per step, at most 14,597).
        var demand2025Below = await DemandCaseAsync(453.99m, SecondDayOf2025);
        var demand2025Above = await DemandCaseAsync(1_000.00m, SecondDayOf2025);
        var writ2025Minimum = await _world.AddCaseAsync(Euros(89.99m), WaitingForWrit(SecondDayOf2025));
        var writ2025FirstStep = await _world.AddCaseAsync(Euros(90.00m), WaitingForWrit(SecondDayOf2025));
        var writ2025 = await _world.AddCaseAsync(Euros(454.00m), WaitingForWrit(SecondDayOf2025));
        var writ2025Maximum = await _world.AddCaseAsync(Euros(200_000.00m), WaitingForWrit(SecondDayOf2025));
        // 2026: a row beheer adds to the table, with figures of its own.
        await _world.ExecuteAsync("INSERT INTO cost_tariffs VALUES ('2026-01-01', 45400, 1000, 2000, 5000, 1500000, 500, 4500, 4500, 1900)");
        var demand2026Below = await DemandCaseAsync(453.99m, SecondDayOf2026);
        var demand2026AtThreshold = await DemandCaseAsync(454.00m, SecondDayOf2026);
        var writ2026 = await _world.AddCaseAsync(Euros(454.00m), WaitingForWrit(SecondDayOf2026));

        await _world.RunDayAsync(LastDayOf2024);
        await _world.RunDayAsync(SecondDayOf2025);
        await _world.RunDayAsync(SecondDayOf2026);

        Assert.Equal(Euros(8), await CostAsync(await _world.CaseOfAsync(demand2024Below), "aanmaning"));
        Assert.Equal(Euros(18), await CostAsync(await _world.CaseOfAsync(demand2024AtThreshold), "aanmaning"));
        Assert.Equal(Euros(46 + 9 * 4), await CostAsync(writ2024, "dwangbevel"));

        Assert.Equal(Euros(9), await CostAsync(await _world.CaseOfAsync(demand2025Below), "aanmaning"));
        Assert.Equal(Euros(19), await CostAsync(await _world.CaseOfAsync(demand2025Above), "aanmaning"));
        Assert.Equal(Euros(49), await CostAsync(writ2025Minimum, "dwangbevel"));
        Assert.Equal(Euros(49 + 4), await CostAsync(writ2025FirstStep, "dwangbevel"));
        Assert.Equal(Euros(49 + 9 * 4), await CostAsync(writ2025, "dwangbevel"));
        Assert.Equal(Euros(14_597), await CostAsync(writ2025Maximum, "dwangbevel"));

        Assert.Equal(Euros(10), await CostAsync(await _world.CaseOfAsync(demand2026Below), "aanmaning"));
        Assert.Equal(Euros(20), await CostAsync(await _world.CaseOfAsync(demand2026AtThreshold), "aanmaning"));
        Assert.Equal(Euros(50 + 9 * 5), await CostAsync(writ2026, "dwangbevel"));

        // Each cost is charged on its letter's date, and the letter tells it.
        Assert.Equal(0, await _world.ScalarAsync<long>(
            "SELECT count(*) FROM case_costs k WHERE NOT EXISTS (SELECT 1 FROM letters l WHERE l.command_id = k.command_id AND l.letter_date = k.charged_on)"));
        Assert.Equal(0, await _world.ScalarAsync<long>("SELECT count(*) FROM message_incidents"));
    }
}
