using Invordering.Letters;

namespace Invordering.Letters.Tests;

public class DutchFormatTests
{
    [Theory]
    [InlineData(0, "€ 0,00")]
    [InlineData(5, "€ 0,05")]
    [InlineData(100, "€ 1,00")]
    [InlineData(99_999, "€ 999,99")]
    [InlineData(100_000, "€ 1.000,00")]
    [InlineData(123_456, "€ 1.234,56")]
    [InlineData(123_456_789, "€ 1.234.567,89")]
    [InlineData(-1_900, "€ -19,00")]
    [InlineData(-123_456, "€ -1.234,56")]
    public void Euro_uses_dutch_grouping_and_decimal_comma(long cents, string expected)
    {
        Assert.Equal(expected, DutchFormat.Euro(cents));
    }

    [Theory]
    [InlineData(2026, 3, 12, "12 maart 2026")]
    [InlineData(2026, 1, 1, "1 januari 2026")]
    [InlineData(2025, 12, 31, "31 december 2025")]
    [InlineData(2024, 2, 29, "29 februari 2024")]
    [InlineData(2026, 8, 5, "5 augustus 2026")]
    public void Date_is_written_out_in_dutch(int year, int month, int day, string expected)
    {
        Assert.Equal(expected, DutchFormat.Date(new DateOnly(year, month, day)));
    }

    [Fact]
    public void Every_month_has_its_own_dutch_name()
    {
        var names = Enumerable.Range(1, 12).Select(month => DutchFormat.Date(new DateOnly(2026, month, 1)).Split(' ')[1]).ToList();

        Assert.Equal(12, names.Distinct().Count());
        Assert.All(names, name => Assert.Matches("^[a-z]+$", name));
    }

    [Theory]
    [InlineData("NL91ABNA0417164300", "NL91 ABNA 0417 1643 00")]
    [InlineData("nl91 abna 0417 1643 00", "NL91 ABNA 0417 1643 00")]
    public void Iban_is_printed_in_groups_of_four(string iban, string expected)
    {
        Assert.Equal(expected, DutchFormat.Iban(iban));
    }

    [Fact]
    public void Payment_reference_is_printed_in_groups_of_four()
    {
        Assert.Equal("3202 6000 1234 5678", DutchFormat.PaymentReference("3202600012345678"));
    }
}
