using Invordering.Infrastructure.Segmentation;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Tests.Segmentation;

public sealed class RuleSetVersionTests : IAsyncLifetime
{
    private readonly SegmentationWorld _world = new();
    public Task InitializeAsync() => _world.InitializeAsync();
    public Task DisposeAsync() => _world.DisposeAsync();

    /// <summary>Version 2: one writ paid only after enforcement is already wil-niet.</summary>
    private const string StricterRuleSet = """
        {"title": "Strenger bij dwangbevel", "rules": [
          {"id": "dwangbevel", "description": "Een vordering is pas na een dwangbevel of later betaald.",
           "when": {"fact": "paidAfterWrit", "op": ">=", "value": 1}, "segment": "wil-niet"},
          {"id": "standaard", "description": "Kan én wil betalen.", "segment": "kan-en-wil"}
        ]}
        """;

    [Fact]
    public async Task The_shipped_rule_set_is_version_1_and_published_once()
    {
        await using var db = _world.CreateContext();
        await Setup.SeedAsync(db, SegmentationWorld.ShippedWorkflows, CancellationToken.None);

        var versions = await db.SegmentationRuleSets.Select(r => new { r.Version, r.Status }).ToListAsync();

        Assert.Equal([new { Version = 1, Status = "published" }], versions);
    }

    [Fact]
    public async Task Earlier_segments_keep_the_version_that_made_them_after_a_new_version_is_published()
    {
        var (debtor, bsn) = await _world.AddDebtorAsync();
        await _world.AddHistoryAsync(bsn, "na-dwangbevel");
        await _world.AddHistoryAsync(bsn, "na-aanmaning");
        await using var db = _world.CreateContext();
        await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);

        var version = await RuleSetStore.AddDraftAsync(db, StricterRuleSet, "beheerder", CancellationToken.None);
        await RuleSetStore.PublishAsync(db, version, "beheerder", CancellationToken.None);
        var run = await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);

        var rows = await db.DebtorSegments.AsNoTracking().Where(s => s.DebtorId == debtor).OrderBy(s => s.Id).ToListAsync();
        Assert.Equal(2, run.RuleSetVersion);
        Assert.Equal([(1, "standaard", "kan-en-wil", false), (2, "dwangbevel", "wil-niet", true)],
            rows.Select(r => (r.RuleSetVersion, r.RuleId, r.Segment, r.IsCurrent)));
        var stored = await db.SegmentationRuleSets.OrderBy(r => r.Version).ToListAsync();
        Assert.Equal([(1, "retired"), (2, "published")], stored.Select(r => (r.Version, r.Status)));

        var older = await RuleSetStore.GetAsync(db, rows[0].RuleSetVersion, CancellationToken.None);
        Assert.Equal("Geen andere regel is van toepassing: kan én wil betalen, met eerst een kosteloze herinnering.",
            older.RuleSet.Find(rows[0].RuleId)!.Description);
        var view = await _world.Segmenter.DescribeAsync(db, debtor, "medewerker", null, CancellationToken.None);
        Assert.StartsWith("Kan maar wil niet betalen (wil-niet), volgens regel 'dwangbevel' van regelset versie 2", view!.Reasons[0]);
    }

    [Fact]
    public async Task A_new_version_writes_a_new_row_even_when_the_segment_stays_the_same()
    {
        var (debtor, _) = await _world.AddDebtorAsync();
        await using var db = _world.CreateContext();
        await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);
        await RuleSetStore.PublishAsync(db, await RuleSetStore.AddDraftAsync(db, StricterRuleSet, "beheerder", CancellationToken.None),
            "beheerder", CancellationToken.None);

        await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);

        var rows = await db.DebtorSegments.AsNoTracking().Where(s => s.DebtorId == debtor).OrderBy(s => s.Id).ToListAsync();
        Assert.Equal([(1, "geen-historie", false), (2, "standaard", true)], rows.Select(r => (r.RuleSetVersion, r.RuleId, r.IsCurrent)));
    }

    [Fact]
    public async Task A_draft_that_fails_validation_is_not_published()
    {
        await using var db = _world.CreateContext();
        var version = await RuleSetStore.AddDraftAsync(db, """
            {"title": "Zonder standaard", "rules": [
              {"id": "x", "description": "x", "when": {"fact": "schulden", "op": ">", "value": 1}, "segment": "kan-niet"}]}
            """, "beheerder", CancellationToken.None);

        var error = await Assert.ThrowsAsync<SegmentationException>(() => RuleSetStore.PublishAsync(db, version, "beheerder", CancellationToken.None));

        Assert.Contains("onbekend feit 'schulden'", error.Message);
        Assert.Contains("standaardregel", error.Message);
        Assert.Equal(1, (await RuleSetStore.PublishedAsync(db, CancellationToken.None)).Version);
    }
}
