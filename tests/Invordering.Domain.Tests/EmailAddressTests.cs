namespace Invordering.Domain.Tests;

public class EmailAddressTests
{
    [Theory]
    [InlineData("j.devries@example.nl")]
    [InlineData("a+b@sub.example.com")]
    public void Accepts_addresses(string text) => Assert.True(EmailAddress.IsPlausible(text));

    [Theory]
    [InlineData("jdevries.example.nl")]
    [InlineData("j@devries@example.nl")]
    [InlineData("@example.nl")]
    [InlineData("j@example")]
    [InlineData("j@.example.nl")]
    [InlineData("j@example.n")]
    [InlineData("j de vries@example.nl")]
    [InlineData("j..v@example.nl")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_others(string? text) => Assert.False(EmailAddress.IsPlausible(text));
}
