namespace Invordering.Domain.Tests;

public class SegmentTests
{
    [Theory]
    [InlineData(Segment.KanEnWil, "kan-en-wil")]
    [InlineData(Segment.WilNiet, "wil-niet")]
    [InlineData(Segment.KanNiet, "kan-niet")]
    public void Slugs_round_trip(Segment segment, string slug)
    {
        Assert.Equal(slug, segment.ToSlug());
        Assert.True(Segment.TryParseSlug(slug, out Segment parsed));
        Assert.Equal(segment, parsed);
        Assert.True(Segment.TryParseSlug(slug.ToUpperInvariant(), out _));
    }

    [Fact]
    public void Unknown_slugs_are_refused()
    {
        Assert.False(Segment.TryParseSlug("kan-wel", out _));
        Assert.False(Segment.TryParseSlug("", out _));
    }

    [Fact]
    public void Display_names_are_Dutch_and_distinct()
    {
        Assert.Equal("Kan niet betalen", Segment.KanNiet.DisplayName);
        Assert.Equal(3, Enum.GetValues<Segment>().Select(s => s.DisplayName).Distinct().Count());
    }
}
