namespace Invordering.Domain.Tests;

public class KvkNumberTests
{
    [Fact]
    public void Accepts_eight_digits_with_leading_zeros()
    {
        Assert.True(KvkNumber.TryParse("01234567", out KvkNumber kvk));
        Assert.Equal("01234567", kvk.Value);
        Assert.True(KvkNumber.IsValid("12345678"));
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    [InlineData("1234567a")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_others(string? text) => Assert.False(KvkNumber.TryParse(text, out _));
}
