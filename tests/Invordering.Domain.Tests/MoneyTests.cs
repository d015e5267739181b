namespace Invordering.Domain.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("1234,56", 123456)]
    [InlineData("1234.56", 123456)]
    [InlineData("-12,5", -1250)]
    [InlineData("7", 700)]
    [InlineData("0,01", 1)]
    [InlineData("007.10", 710)]
    [InlineData("-0", 0)]
    [InlineData("999999999999999,99", 99999999999999999)]
    public void Parses_euros_with_comma_or_point(string text, long cents)
    {
        Assert.True(Money.TryParse(text, out Money value));
        Assert.Equal(cents, value.Cents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("-")]
    [InlineData("1.234,56")]
    [InlineData("1,234.56")]
    [InlineData("12,345")]
    [InlineData(",5")]
    [InlineData("5,")]
    [InlineData("+5")]
    [InlineData(" 5")]
    [InlineData("5 ")]
    [InlineData("€5")]
    [InlineData("5e3")]
    [InlineData("--5")]
    [InlineData("1 234")]
    [InlineData("1000000000000000")]
    public void Rejects_anything_else(string text)
    {
        Assert.False(Money.TryParse(text, out Money value));
        Assert.Equal(Money.Zero, value);
    }

    [Theory]
    [InlineData(123456, "€ 1.234,56")]
    [InlineData(-1250, "-€ 12,50")]
    [InlineData(5, "€ 0,05")]
    [InlineData(0, "€ 0,00")]
    [InlineData(100000000, "€ 1.000.000,00")]
    [InlineData(long.MinValue, "-€ 92.233.720.368.547.758,08")]
    public void Prints_the_Dutch_form(long cents, string expected) =>
        Assert.Equal(expected, new Money(cents).ToString());

    [Fact]
    public void Adds_subtracts_and_compares()
    {
        Money a = Money.FromEuros(10.25m);
        Money b = Money.FromEuros(0.75m);
        Assert.Equal(1100, (a + b).Cents);
        Assert.Equal(950, (a - b).Cents);
        Assert.Equal(-1025, (-a).Cents);
        Assert.True(b < a);
        Assert.True(a > b);
        Assert.True(a >= Money.FromEuros(10.25m));
        Assert.True(b <= a);
        Assert.Equal(10.25m, a.Euros);
        Assert.True(a.CompareTo(b) > 0);
    }

    [Fact]
    public void Refuses_fractions_of_a_cent()
    {
        Assert.Throws<ArgumentException>(() => Money.FromEuros(0.125m));
    }

    [Fact]
    public void Detects_overflow()
    {
        Assert.Throws<OverflowException>(() => new Money(long.MaxValue) + new Money(1));
    }
}
