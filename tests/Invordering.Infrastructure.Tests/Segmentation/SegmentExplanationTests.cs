using Invordering.Infrastructure.Segmentation;

namespace Invordering.Infrastructure.Tests.Segmentation;

public sealed class SegmentExplanationTests : IAsyncLifetime
{
    private readonly SegmentationWorld _world = new();
    public Task InitializeAsync() => _world.InitializeAsync();
    public Task DisposeAsync() => _world.DisposeAsync();

    private async Task<DebtorSegmentView> SegmentAndViewAsync(long debtorId)
    {
        await using var db = _world.CreateContext();
        await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);
        return (await _world.Segmenter.DescribeAsync(db, debtorId, "medewerker", "test", CancellationToken.None))!;
    }

    [Fact]
    public async Task The_explanation_names_the_rule_its_version_and_the_facts_that_decided_in_plain_dutch()
    {
        var (debtor, bsn) = await _world.AddDebtorAsync();
        await _world.AddHistoryAsync(bsn, "na-dwangbevel", SegmentationWorld.Today.AddMonths(-4));
        await _world.AddHistoryAsync(bsn, "deurwaarder-betaald", SegmentationWorld.Today.AddMonths(-16));
        await _world.AddHistoryAsync(bsn, "op-tijd", SegmentationWorld.Today.AddMonths(-28));

        var view = await SegmentAndViewAsync(debtor);

        Assert.Equal(("wil-niet", "Kan maar wil niet betalen", "regel"), (view.Segment, view.SegmentName, view.Source));
        Assert.Equal(("deurwaarder-betaald", 1), (view.Computed!.RuleId, view.Computed.RuleSetVersion));
        Assert.Equal(view.Computed.Reasons, view.Reasons);
        Assert.Equal(
        [
            "Kan maar wil niet betalen (wil-niet), volgens regel 'deurwaarder-betaald' van regelset versie 1: "
                + "Er is pas aan de deurwaarder betaald: betalen kon, maar gebeurde pas onder dwang.",
            "Aantal pas aan de deurwaarder betaald (deurwaarder-betaald): 1 (de regel vraagt minstens 1).",
            "De regels die eerder in de volgorde staan, waren niet van toepassing "
                + "(kwijtschelding-recent, beslag-zonder-resultaat, oninbaar, kwijtschelding-herhaald, regelingen-vervallen).",
            "Geteld over de betaalhistorie en de hier afgesloten zaken van de 3 jaar tot 01-06-2026, en over de huidige aanslagen.",
        ], view.Reasons);
        Assert.Contains(new FactView("paidAfterWrit", "Aantal pas na een dwangbevel of later betaald (na-dwangbevel, na-hernieuwd-bevel of deurwaarder-betaald)", 2),
            view.Computed.Facts);
        Assert.Contains(view.Computed.Facts, f => f is { Name: "claims", Value: 3 });
        Assert.Contains(view.Computed.Facts, f => f is { Name: "onTimePercent", Value: 33 });
    }

    [Fact]
    public async Task A_condition_with_any_explains_only_what_held()
    {
        var (debtor, bsn) = await _world.AddDebtorAsync();
        await _world.AddHistoryAsync(bsn, "na-herinnering");
        await _world.AddHistoryAsync(bsn, "na-herinnering");

        var view = await SegmentAndViewAsync(debtor);

        Assert.Equal("meestal-op-tijd", view.Computed!.RuleId);
        Assert.Contains("Percentage op tijd of na een kosteloze herinnering betaald: 100 (de regel vraagt minstens 75).", view.Reasons);
        Assert.DoesNotContain(view.Reasons, r => r.StartsWith("Percentage op tijd betaald", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_debtor_never_segmented_is_kan_en_wil_and_the_view_says_why()
    {
        var (debtor, _) = await _world.AddDebtorAsync();
        await using var db = _world.CreateContext();

        var view = (await _world.Segmenter.DescribeAsync(db, debtor, "medewerker", "test", CancellationToken.None))!;

        Assert.Equal(("kan-en-wil", "standaard"), (view.Segment, view.Source));
        Assert.Null(view.Computed);
        Assert.Equal(["Nog niet gesegmenteerd: tot de eerste segmentatie geldt kan én wil betalen."], view.Reasons);
    }
}
