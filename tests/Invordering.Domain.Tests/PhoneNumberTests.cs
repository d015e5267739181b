namespace Invordering.Domain.Tests;

public class PhoneNumberTests
{
    [Theory]
    [InlineData("0612345678")]
    [InlineData("06-12345678")]
    [InlineData("026 123 45 67")]
    [InlineData("+31612345678")]
    [InlineData("+31 6 1234 5678")]
    [InlineData("0031 26 1234567")]
    public void Accepts_Dutch_numbers(string text) => Assert.True(PhoneNumber.IsPlausible(text));

    [Theory]
    [InlineData("612345678")]
    [InlineData("06123456789")]
    [InlineData("0012345678")]
    [InlineData("+310612345678")]
    [InlineData("+4930123456")]
    [InlineData("06-1234567a")]
    [InlineData("(026) 1234567")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_others(string? text) => Assert.False(PhoneNumber.IsPlausible(text));
}
