namespace Invordering.Domain.Tests;

public class IbanTests
{
    [Theory]
    [InlineData("NL91ABNA0417164300", "NL91ABNA0417164300")]
    [InlineData("nl91 abna 0417 1643 00", "NL91ABNA0417164300")]
    [InlineData("GB82 WEST 1234 5698 7654 32", "GB82WEST12345698765432")]
    [InlineData("DE89370400440532013000", "DE89370400440532013000")]
    public void Accepts_and_normalises(string text, string normalised)
    {
        Assert.True(Iban.IsValid(text));
        Assert.True(Iban.TryParse(text, out Iban iban));
        Assert.Equal(normalised, iban.Value);
    }

    [Theory]
    [InlineData("NL91ABNA0417164301")]
    [InlineData("NL19ABNA0417164300")]
    [InlineData("NL91-ABNA-0417-1643-00")]
    [InlineData("9191ABNA0417164300")]
    [InlineData("NL91")]
    [InlineData("NL91ABNA04171643001234567890123456789")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_bad_check_or_form(string? text)
    {
        Assert.False(Iban.IsValid(text));
        Assert.False(Iban.TryParse(text, out _));
    }
}
