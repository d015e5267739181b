namespace Invordering.Domain.Tests;

public class BsnTests
{
    [Theory]
    [InlineData("908301662")]
    [InlineData("111222333")]
    [InlineData("186091394")]
    public void Accepts_numbers_that_pass_the_11_proef(string text)
    {
        Assert.True(Bsn.IsValid(text));
        Assert.True(Bsn.TryParse(text, out Bsn bsn));
        Assert.Equal(text, bsn.Value);
    }

    [Theory]
    [InlineData("908301663")]
    [InlineData("000000000")]
    [InlineData("12345678")]
    [InlineData("1234567890")]
    [InlineData("90830166a")]
    [InlineData(" 908301662")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_others(string? text)
    {
        Assert.False(Bsn.IsValid(text));
        Assert.False(Bsn.TryParse(text, out _));
    }

    [Fact]
    public void Keeps_leading_zeros()
    {
        string text = FindValidWithLeadingZero();
        Assert.True(Bsn.TryParse(text, out Bsn bsn));
        Assert.Equal(text, bsn.Value);
        Assert.StartsWith("0", bsn.Value);
    }

    [Fact]
    public void Never_prints_in_full()
    {
        Assert.True(Bsn.TryParse("908301662", out Bsn bsn));
        Assert.Equal("******662", bsn.Masked);
        Assert.Equal("******662", bsn.ToString());
        Assert.Equal("******662", $"{bsn}");
    }

    private static string FindValidWithLeadingZero()
    {
        for (int n = 10_000_000; ; n++)
        {
            string text = n.ToString("D9");
            int[] weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];
            int sum = text.Select((c, i) => (c - '0') * weights[i]).Sum();
            if (sum % 11 == 0)
            {
                return text;
            }
        }
    }
}
