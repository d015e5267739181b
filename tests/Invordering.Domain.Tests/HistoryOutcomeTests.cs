namespace Invordering.Domain.Tests;

public class HistoryOutcomeTests
{
    [Fact]
    public void All_twelve_slugs_of_the_format_map_to_an_outcome()
    {
        string[] slugs =
        [
            "op-tijd", "na-herinnering", "na-aanmaning", "na-dwangbevel", "na-hernieuwd-bevel", "deurwaarder-betaald",
            "beslag-zonder-resultaat", "regeling-nagekomen", "regeling-vervallen", "kwijtschelding-toegekend",
            "kwijtschelding-afgewezen", "oninbaar",
        ];
        var outcomes = new HashSet<HistoryOutcome>();
        foreach (string slug in slugs)
        {
            Assert.True(HistoryOutcome.TryParseSlug(slug, out HistoryOutcome outcome), slug);
            Assert.Equal(slug, outcome.ToSlug());
            outcomes.Add(outcome);
        }
        Assert.Equal(Enum.GetValues<HistoryOutcome>().Length, outcomes.Count);
        Assert.False(HistoryOutcome.TryParseSlug("betaald", out _));
    }
}
