using Invordering.Workflows;

namespace Invordering.Workflows.Tests;

public sealed class ConditionTests
{
    [Theory]
    [InlineData(ComparisonOperator.Equal, 5, 5, true)]
    [InlineData(ComparisonOperator.Equal, 5, 6, false)]
    [InlineData(ComparisonOperator.NotEqual, 5, 6, true)]
    [InlineData(ComparisonOperator.GreaterThan, 6, 5, true)]
    [InlineData(ComparisonOperator.GreaterThan, 5, 5, false)]
    [InlineData(ComparisonOperator.GreaterThanOrEqual, 5, 5, true)]
    [InlineData(ComparisonOperator.LessThan, 4, 5, true)]
    [InlineData(ComparisonOperator.LessThan, 5, 5, false)]
    [InlineData(ComparisonOperator.LessThanOrEqual, 5, 5, true)]
    [InlineData(ComparisonOperator.LessThanOrEqual, 6, 5, false)]
    public void Numbers_compare_with_every_operator(ComparisonOperator op, long left, long right, bool expected) =>
        Assert.Equal(expected, FactValue.Of(left).Satisfies(op, FactValue.Of(right)));

    [Fact]
    public void Yes_no_and_text_only_compare_for_equality_and_kinds_never_mix()
    {
        Assert.True(FactValue.Of(true).Satisfies(ComparisonOperator.Equal, FactValue.Of(true)));
        Assert.True(FactValue.Of("kan-niet").Satisfies(ComparisonOperator.NotEqual, FactValue.Of("wil-niet")));
        Assert.False(FactValue.Of("b").Satisfies(ComparisonOperator.GreaterThan, FactValue.Of("a")));
        Assert.False(FactValue.Of(1).Satisfies(ComparisonOperator.Equal, FactValue.Of(true)));
    }

    [Fact]
    public void Combinators_evaluate_against_case_facts()
    {
        var large = new FactCondition("openAmount", ComparisonOperator.GreaterThanOrEqual, FactValue.Of(45_400));
        var phone = new FactCondition("hasPhoneNumber", ComparisonOperator.Equal, FactValue.Of(true));
        var facts = new CaseFacts { OpenAmountCents = 50_000, HasPhoneNumber = false };

        Assert.False(new AllCondition([large, phone]).IsTrue(facts));
        Assert.True(new AnyCondition([large, phone]).IsTrue(facts));
        Assert.True(new NotCondition(phone).IsTrue(facts));
        Assert.Equal("(openAmount >= 45400 of hasPhoneNumber == true)", new AnyCondition([large, phone]).Describe());
    }

    [Fact]
    public void Every_catalogue_fact_reads_its_own_case_fact()
    {
        var facts = new CaseFacts
        {
            OpenAmountCents = 1, OriginalAmountCents = 2, DaysPastDue = 3, Segment = "kan-niet", HasPhoneNumber = true,
            HasPaymentPlan = true, RemissionPending = true, DeferralGranted = true, PreviousWrits = 4, OpenClaims = 5, IsCompany = true,
        };

        var read = FactCatalogue.All.ToDictionary(f => f.Name, f => f.Read(facts).ToString());

        Assert.Equal("1", read["openAmount"]);
        Assert.Equal("2", read["originalAmount"]);
        Assert.Equal("3", read["daysPastDue"]);
        Assert.Equal("kan-niet", read["segment"]);
        Assert.Equal("4", read["previousWrits"]);
        Assert.Equal("5", read["openClaims"]);
        Assert.All(FactCatalogue.All.Where(f => f.Type == FactType.Boolean), f => Assert.Equal("true", read[f.Name]));
        Assert.All(FactCatalogue.All, f => Assert.Equal(f.ValueKind, f.Read(facts).Kind));
        Assert.Equal(FactCatalogue.All.Count, FactCatalogue.All.Select(f => f.Name).Distinct().Count());
    }

    [Fact]
    public void Conditions_round_trip_through_json()
    {
        var json = """{"all":[{"fact":"openAmount","op":">=","value":45400},{"not":{"fact":"segment","op":"==","value":"kan-niet"}}]}""";

        var condition = System.Text.Json.JsonSerializer.Deserialize<Condition>(json)!;

        var written = System.Text.Json.JsonSerializer.Serialize(
            condition, new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        Assert.Equal(json, written);
        Assert.Equal("(openAmount >= 45400 en niet segment == kan-niet)", condition.Describe());
    }
}
