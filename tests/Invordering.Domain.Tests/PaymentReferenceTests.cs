namespace Invordering.Domain.Tests;

public class PaymentReferenceTests
{
    public static TheoryData<string> SampleReferences()
    {
        var data = new TheoryData<string>();
        foreach (string line in File.ReadLines(TestFiles.Path("aanslagen-voorbeeld.csv")).Skip(1))
        {
            data.Add(line.Split(';')[7]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SampleReferences))]
    public void Accepts_the_references_of_the_sample_file(string text)
    {
        Assert.True(PaymentReference.IsValid(text));
        Assert.True(PaymentReference.TryParse(text, out PaymentReference reference));
        Assert.Equal(text, reference.Value);
    }

    [Theory]
    [MemberData(nameof(SampleReferences))]
    public void Create_computes_the_same_check_digit(string text)
    {
        PaymentReference created = PaymentReference.Create(long.Parse(text[1..]));
        Assert.Equal(text, created.Value);
    }

    [Fact]
    public void Every_wrong_check_digit_is_rejected()
    {
        const string body = "202600000000001";
        int valid = 0;
        for (char check = '0'; check <= '9'; check++)
        {
            if (PaymentReference.IsValid(check + body))
            {
                valid++;
                Assert.Equal('4', check);
            }
        }
        Assert.Equal(1, valid);
    }

    [Fact]
    public void Create_maps_remainder_one_to_check_digit_zero_and_remainder_zero_to_one()
    {
        var checks = Enumerable.Range(1, 200).Select(n => PaymentReference.Create(n).Value[0]).ToHashSet();
        Assert.Contains('0', checks);
        Assert.Contains('1', checks);
        Assert.All(Enumerable.Range(1, 200), n => Assert.True(PaymentReference.IsValid(PaymentReference.Create(n).Value)));
    }

    [Fact]
    public void Accepts_spaces_between_digit_groups()
    {
        Assert.True(PaymentReference.TryParse("4202 6000 0000 0001", out PaymentReference reference));
        Assert.Equal("4202600000000001", reference.Value);
    }

    [Theory]
    [InlineData("420260000000001")]
    [InlineData("42026000000000011")]
    [InlineData("420260000000000a")]
    [InlineData("4202-6000-0000-0001")]
    [InlineData("")]
    [InlineData(null)]
    public void Rejects_wrong_forms(string? text)
    {
        Assert.False(PaymentReference.TryParse(text, out _));
        Assert.False(PaymentReference.HasValidForm(text));
    }

    [Fact]
    public void Create_refuses_numbers_over_fifteen_digits()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentReference.Create(1_000_000_000_000_000));
        Assert.Throws<ArgumentOutOfRangeException>(() => PaymentReference.Create(-1));
    }
}
