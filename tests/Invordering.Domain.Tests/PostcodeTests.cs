namespace Invordering.Domain.Tests;

public class PostcodeTests
{
    [Theory]
    [InlineData("6811AB", "6811AB")]
    [InlineData("6811 AB", "6811AB")]
    [InlineData("6811ab", "6811AB")]
    [InlineData("1000 aA", "1000AA")]
    public void Accepts_and_normalises(string text, string normalised)
    {
        Assert.True(Postcode.TryParse(text, out Postcode postcode));
        Assert.Equal(normalised, postcode.Value);
    }

    [Theory]
    [InlineData("0811AB")]
    [InlineData("681AB")]
    [InlineData("6811  AB")]
    [InlineData("6811A")]
    [InlineData("6811-AB")]
    [InlineData("AB6811")]
    [InlineData("6811A1")]
    [InlineData("6811ÄB")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_others(string? text) => Assert.False(Postcode.TryParse(text, out _));
}
