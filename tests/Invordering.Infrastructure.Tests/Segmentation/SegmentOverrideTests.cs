using Invordering.Infrastructure.Segmentation;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Tests.Segmentation;

public sealed class SegmentOverrideTests : IAsyncLifetime
{
    private readonly SegmentationWorld _world = new();
    public Task InitializeAsync() => _world.InitializeAsync();
    public Task DisposeAsync() => _world.DisposeAsync();

    private async Task<long> WilNietDebtorAsync()
    {
        var (id, bsn) = await _world.AddDebtorAsync();
        await _world.AddHistoryAsync(bsn, "deurwaarder-betaald");
        await using var db = _world.CreateContext();
        await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);
        return id;
    }

    private async Task<SegmentChange> OverrideAsync(long debtorId, string segment, DateOnly? endsOn = null)
    {
        await using var db = _world.CreateContext();
        return (await _world.Segmenter.OverrideAsync(db, debtorId,
            new SegmentOverrideRequest(segment, "Telefoongesprek: inkomen is gedaald door ontslag.", endsOn), "medewerker-1", "test", CancellationToken.None))!;
    }

    private async Task<DebtorSegmentView> ViewAsync(long debtorId)
    {
        await using var db = _world.CreateContext();
        return (await _world.Segmenter.DescribeAsync(db, debtorId, "medewerker-2", "test", CancellationToken.None))!;
    }

    [Fact]
    public async Task An_override_wins_over_the_computed_segment_and_outlives_resegmentation()
    {
        var debtor = await WilNietDebtorAsync();

        var change = await OverrideAsync(debtor, "kan-niet");
        SegmentationRunSummary run;
        await using (var db = _world.CreateContext())
            run = await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);
        var view = await ViewAsync(debtor);

        Assert.Equal((1L, 1L), (run.PerSegment["wil-niet"], run.ActiveOverrides));
        Assert.Equal(("wil-niet", "kan-niet"), (change.Before, change.After));
        Assert.Equal(("kan-niet", "override"), (view.Segment, view.Source));
        Assert.Equal(("wil-niet", "deurwaarder-betaald"), (view.Computed!.Segment, view.Computed.RuleId));
        Assert.Equal(("kan-niet", "medewerker-1"), (view.Override!.Segment, view.Override.Actor));
        Assert.Contains("Telefoongesprek: inkomen is gedaald door ontslag.", view.Reasons[0]);
        Assert.StartsWith("Berekend: ", view.Reasons[1]);
    }

    [Fact]
    public async Task The_newest_override_in_force_wins()
    {
        var debtor = await WilNietDebtorAsync();

        await OverrideAsync(debtor, "kan-niet");
        await OverrideAsync(debtor, "kan-en-wil", SegmentationWorld.Today.AddDays(10));

        Assert.Equal("kan-en-wil", (await ViewAsync(debtor)).Segment);
        await _world.AdvanceClockAsync(SegmentationWorld.Today.AddDays(11));
        Assert.Equal("kan-niet", (await ViewAsync(debtor)).Segment);
    }

    [Fact]
    public async Task An_expired_override_no_longer_applies()
    {
        var debtor = await WilNietDebtorAsync();
        await OverrideAsync(debtor, "kan-niet", endsOn: SegmentationWorld.Today.AddDays(5));

        await _world.AdvanceClockAsync(SegmentationWorld.Today.AddDays(5));
        var onLastDay = await ViewAsync(debtor);
        await _world.AdvanceClockAsync(SegmentationWorld.Today.AddDays(6));
        var dayAfter = await ViewAsync(debtor);

        Assert.Equal(("kan-niet", "override"), (onLastDay.Segment, onLastDay.Source));
        Assert.Equal(("wil-niet", "regel"), (dayAfter.Segment, dayAfter.Source));
        Assert.Null(dayAfter.Override);
        await using (var db = _world.CreateContext())
            Assert.Equal(0, (await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None)).ActiveOverrides);
        Assert.Equal("wil-niet", await _world.ScalarAsync<string>(
            "SELECT debtor_effective_segment(@d, @t)", ("d", debtor), ("t", SegmentationWorld.Today.AddDays(6))));
    }

    [Theory]
    [InlineData("misschien", "reden", 0, "segment")]
    [InlineData("kan-niet", "  ", 0, "reason")]
    [InlineData("kan-niet", "reden", -1, "endsOn")]
    public void An_override_needs_a_known_segment_a_reason_and_no_end_date_in_the_past(string segment, string reason, int endsInDays, string field)
    {
        var errors = new SegmentOverrideRequest(segment, reason, SegmentationWorld.Today.AddDays(endsInDays)).Validate(SegmentationWorld.Today);
        Assert.Equal([field], errors.Keys);
    }

    [Fact]
    public async Task An_invalid_override_is_refused_and_stores_nothing()
    {
        var debtor = await WilNietDebtorAsync();
        await using var db = _world.CreateContext();

        await Assert.ThrowsAsync<SegmentationException>(() => _world.Segmenter.OverrideAsync(db, debtor,
            new SegmentOverrideRequest("kan-niet", "", null), "medewerker-1", "test", CancellationToken.None));

        Assert.Equal(0, await db.DebtorSegmentOverrides.CountAsync());
    }

    [Fact]
    public async Task Reading_and_overriding_a_segment_are_audited_with_actor_and_reason()
    {
        var debtor = await WilNietDebtorAsync();

        await ViewAsync(debtor);
        await OverrideAsync(debtor, "kan-niet");

        await using var db = _world.CreateContext();
        var entries = await db.AuditLog.Where(a => a.Entity == "debtor_segment" && a.EntityId == debtor.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal([("read", "medewerker-2"), ("override", "medewerker-1")], entries.Select(e => (e.Action, e.Actor)));
        Assert.Equal("Telefoongesprek: inkomen is gedaald door ontslag.", entries[1].Reason);
        Assert.Contains("\"before\": \"wil-niet\"", entries[1].Details);
    }

    [Fact]
    public async Task An_unknown_debtor_has_no_segment_and_gets_no_override()
    {
        await using var db = _world.CreateContext();
        Assert.Null(await _world.Segmenter.DescribeAsync(db, 999_999, "x", null, CancellationToken.None));
        Assert.Null(await _world.Segmenter.OverrideAsync(db, 999_999, new SegmentOverrideRequest("kan-niet", "reden", null), "x", null, CancellationToken.None));
        Assert.Equal(0, await db.AuditLog.CountAsync(a => a.Entity == "debtor_segment"));
    }
}
