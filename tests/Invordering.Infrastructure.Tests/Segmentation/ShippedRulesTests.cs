using Invordering.Domain.Segmentation;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Tests.Segmentation;

/// <summary>A payment history, and the shipped rule that must fire for it.</summary>
public sealed record HistoryCase(string Name, string Rule, string Segment, (string Outcome, int MonthsAgo)[] History,
    bool DirectDebit = false, bool Company = false);

/// <summary>One debtor per case, segmented once with the shipped rule set.</summary>
public sealed class ShippedRulesPopulation : IAsyncLifetime
{
    public static readonly HistoryCase[] Cases =
    [
        new("kwijtschelding dit jaar", "kwijtschelding-recent", "kan-niet", [("kwijtschelding-toegekend", 6), ("op-tijd", 3)]),
        new("beslag leverde niets op", "beslag-zonder-resultaat", "kan-niet", [("beslag-zonder-resultaat", 20), ("op-tijd", 8)]),
        new("oninbaar verklaard", "oninbaar", "kan-niet", [("oninbaar", 30)]),
        new("twee keer kwijtschelding, langer geleden", "kwijtschelding-herhaald", "kan-niet",
            [("kwijtschelding-toegekend", 18), ("kwijtschelding-toegekend", 30)]),
        new("twee regelingen vervallen", "regelingen-vervallen", "kan-niet", [("regeling-vervallen", 10), ("regeling-vervallen", 22)]),
        new("aan de deurwaarder betaald", "deurwaarder-betaald", "wil-niet", [("deurwaarder-betaald", 14), ("op-tijd", 2), ("op-tijd", 26)]),
        new("bedrijf betaalde aan de deurwaarder", "deurwaarder-betaald", "wil-niet", [("deurwaarder-betaald", 14)], Company: true),
        new("twee keer pas na dwangbevel", "dwangbevel-herhaald", "wil-niet", [("na-dwangbevel", 4), ("na-hernieuwd-bevel", 16)]),
        new("kwijtschelding afgewezen en dwangbevel", "kwijtschelding-afgewezen-dwangbevel", "wil-niet",
            [("kwijtschelding-afgewezen", 9), ("na-dwangbevel", 9)]),
        new("geen historie", "geen-historie", "kan-en-wil", []),
        new("alleen historie van meer dan drie jaar terug", "geen-historie", "kan-en-wil", [("oninbaar", 40), ("deurwaarder-betaald", 38)]),
        new("de helft op tijd", "meestal-op-tijd", "kan-en-wil", [("op-tijd", 5), ("na-aanmaning", 17)]),
        new("op tijd of na herinnering", "meestal-op-tijd", "kan-en-wil",
            [("na-herinnering", 3), ("na-herinnering", 15), ("op-tijd", 27), ("na-aanmaning", 8)]),
        new("automatische incasso", "automatische-incasso", "kan-en-wil", [("na-aanmaning", 5), ("na-aanmaning", 17)], DirectDebit: true),
        new("aanmaning en een dwangbevel", "standaard", "kan-en-wil", [("na-aanmaning", 5), ("na-dwangbevel", 17)]),
    ];

    public SegmentationWorld World { get; } = new();

    public Dictionary<string, long> DebtorOf { get; } = [];

    public async Task InitializeAsync()
    {
        await World.InitializeAsync();
        foreach (var c in Cases)
        {
            var (id, number) = await World.AddDebtorAsync(c.Company);
            foreach (var (outcome, monthsAgo) in c.History)
                await World.AddHistoryAsync(number, outcome, SegmentationWorld.Today.AddMonths(-monthsAgo), daysLate: monthsAgo);
            if (c.DirectDebit) await World.AddAssessmentAsync(id, SegmentationWorld.Today.AddMonths(2), directDebit: true);
            DebtorOf[c.Name] = id;
        }
        await using var db = World.CreateContext();
        await World.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);
    }

    public Task DisposeAsync() => World.DisposeAsync();
}

public sealed class ShippedRulesTests(ShippedRulesPopulation population) : IClassFixture<ShippedRulesPopulation>
{
    public static TheoryData<string> CaseNames => [.. ShippedRulesPopulation.Cases.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task Each_rule_fires_for_the_history_it_describes(string name)
    {
        var expected = ShippedRulesPopulation.Cases.Single(c => c.Name == name);
        await using var db = population.World.CreateContext();
        var segment = await db.DebtorSegments.SingleAsync(s => s.DebtorId == population.DebtorOf[name] && s.IsCurrent);
        Assert.Equal((expected.Rule, expected.Segment, 1), (segment.RuleId, segment.Segment, segment.RuleSetVersion));
    }

    [Fact]
    public void Every_shipped_rule_has_a_history_that_fires_it()
    {
        var ruleSet = RuleSet.Load(File.ReadAllText(Path.Combine(SegmentationWorld.ShippedWorkflows, Setup.SegmentationRuleSetFile)));
        Assert.Empty(ruleSet.Rules.Select(r => r.Id).Except(ShippedRulesPopulation.Cases.Select(c => c.Rule)));
    }

    [Fact]
    public async Task Every_debtor_has_exactly_one_current_segment()
    {
        var debtors = await population.World.ScalarAsync<long>("SELECT count(*) FROM debtors");
        var current = await population.World.ScalarAsync<long>("SELECT count(DISTINCT debtor_id) FROM debtor_segments WHERE is_current");
        var rows = await population.World.ScalarAsync<long>("SELECT count(*) FROM debtor_segments WHERE is_current");
        Assert.Equal((ShippedRulesPopulation.Cases.Length, debtors, debtors), (rows, current, rows));
    }
}
