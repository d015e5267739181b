using Invordering.Domain.Segmentation;
using Invordering.Infrastructure.Segmentation;

namespace Invordering.Infrastructure.Tests.Segmentation;

/// <summary>
/// The rule editor's effect before publishing: per segment, the debtors under the published rule set and under a draft,
/// computed over the current facts without writing a segment, equal to what a segmentation run with each gives.
/// </summary>
public sealed class RuleSetEffectTests : IAsyncLifetime
{
    private readonly SegmentationWorld _world = new();
    public Task InitializeAsync() => _world.InitializeAsync();
    public Task DisposeAsync() => _world.DisposeAsync();

    /// <summary>One writ paid only after enforcement is already wil-niet; a refused remission alone is kan-niet.</summary>
    private const string Draft = """
        {"title": "Strenger bij dwangbevel", "rules": [
          {"id": "dwangbevel", "description": "Een vordering is pas na een dwangbevel of later betaald.",
           "when": {"fact": "paidAfterWrit", "op": ">=", "value": 1}, "segment": "wil-niet"},
          {"id": "regeling-vervallen", "description": "Een betalingsregeling is vervallen.",
           "when": {"fact": "paymentPlanLapsed", "op": ">=", "value": 1}, "segment": "kan-niet"},
          {"id": "standaard", "description": "Kan én wil betalen.", "segment": "kan-en-wil"}
        ]}
        """;

    [Fact]
    public async Task The_drafts_figures_equal_a_real_run_with_it_and_computing_them_writes_no_segment()
    {
        string[][] histories =
        [
            [], [], ["op-tijd", "op-tijd"], ["na-dwangbevel", "op-tijd"], ["na-dwangbevel", "na-dwangbevel"], ["deurwaarder-betaald"],
            ["regeling-vervallen"], ["regeling-vervallen", "regeling-vervallen"], ["kwijtschelding-toegekend", "kwijtschelding-toegekend"],
            ["beslag-zonder-resultaat", "na-dwangbevel"], ["na-herinnering", "na-aanmaning", "na-hernieuwd-bevel"],
        ];
        foreach (var outcomes in histories)
        {
            var (_, number) = await _world.AddDebtorAsync();
            foreach (var outcome in outcomes) await _world.AddHistoryAsync(number, outcome);
        }
        await using var db = _world.CreateContext();
        var first = await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);
        var segmentRows = await _world.ScalarAsync<long>("SELECT count(*) FROM debtor_segments");

        var effect = await RuleSetEffects.CompareAsync(db, RuleSet.Load(Draft), CancellationToken.None);

        Assert.Equal(1, effect.PublishedVersion);
        Assert.Equal(SegmentationWorld.Today, effect.FactsOn);
        Assert.Equal(histories.Length, effect.Debtors);
        Assert.Equal(first.PerSegment, effect.Segments.ToDictionary(s => s.Segment, s => s.Published));
        Assert.Equal(segmentRows, await _world.ScalarAsync<long>("SELECT count(*) FROM debtor_segments"));
        Assert.Equal(1, await _world.ScalarAsync<long>("SELECT count(*) FROM segmentation_rule_sets"));

        var version = await RuleSetStore.AddDraftAsync(db, Draft, "beheerder", CancellationToken.None);
        await RuleSetStore.PublishAsync(db, version, "beheerder", CancellationToken.None);
        var second = await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);

        Assert.Equal(2, second.RuleSetVersion);
        Assert.Equal(second.PerSegment, effect.Segments.ToDictionary(s => s.Segment, s => s.Draft));
        // 4 writs (one with a seizure), 1 bailiff, 1 renewed writ: wil-niet; the lapsed plans kan-niet; the rest kan-en-wil.
        Assert.Equal(new Dictionary<string, long> { ["kan-en-wil"] = 4, ["wil-niet"] = 5, ["kan-niet"] = 2 }, second.PerSegment);
        Assert.Equal([("dwangbevel", 5L), ("regeling-vervallen", 2L), ("standaard", 4L)], effect.DraftRules);
        Assert.Equal(await _world.ScalarAsync<long>(
            "SELECT count(*) FROM debtor_segments n JOIN debtor_segments o ON o.debtor_id = n.debtor_id AND o.rule_set_version = 1 " +
            "WHERE n.is_current AND n.rule_set_version = 2 AND n.segment <> o.segment"), effect.Moving);
        Assert.True(effect.Moving > 0);
    }
}
