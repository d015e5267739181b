using Invordering.Domain.Imports;

namespace Invordering.Domain.Tests.Imports;

public class HistoryFileReaderTests
{
    private const string Header = "bsn;kvk;belastingjaar;aanslagnummer;bedrag;uitkomst;dagen_te_laat;afgehandeld_op";

    private static readonly HistoryFileReader Reader = new(new DateOnly(2026, 3, 1));

    private static List<RowResult<HistoryRow>> Read(string text) => Reader.Read(TestFiles.Utf8(text)).ToList();

    private static RowResult<HistoryRow> ReadOne(string row) => Assert.Single(Read($"{Header}\n{row}\n"));

    [Fact]
    public void Reads_history_rows()
    {
        var results = Read($"{Header}\n908301662;;2024;2024100000;312,45;na-aanmaning;23;2024-05-23\n;12345678;2025;2025-7;76.20;op-tijd;;\n");

        HistoryRow person = ImportAssert.Valid(results[0]);
        Assert.Equal("908301662", person.Bsn?.Value);
        Assert.Null(person.Kvk);
        Assert.Equal((2024, "2024100000", 31245L), (person.TaxYear, person.AssessmentNumber, person.Amount.Cents));
        Assert.Equal(HistoryOutcome.AfterDemand, person.Outcome);
        Assert.Equal(23, person.DaysLate);
        Assert.Equal(new DateOnly(2024, 5, 23), person.SettledOn);

        HistoryRow business = ImportAssert.Valid(results[1]);
        Assert.Equal("12345678", business.Kvk?.Value);
        Assert.Equal(HistoryOutcome.OnTime, business.Outcome);
        Assert.Null(business.DaysLate);
        Assert.Null(business.SettledOn);
        Assert.Equal(3, results[1].Line);
    }

    [Fact]
    public void Days_late_may_be_negative_for_early_payment()
    {
        Assert.Equal(-4, ImportAssert.Valid(ReadOne("908301662;;2024;A1;10;op-tijd;-4;")).DaysLate);
    }

    [Theory]
    [InlineData("908301663;;2024;A1;10;op-tijd;;", "bsn", ImportErrorCodes.BsnElfproef)]
    [InlineData(";;2024;A1;10;op-tijd;;", "bsn/kvk", ImportErrorCodes.BsnOrKvkRequired)]
    [InlineData("908301662;12345678;2024;A1;10;op-tijd;;", "bsn/kvk", ImportErrorCodes.BsnAndKvk)]
    [InlineData(";1234;2024;A1;10;op-tijd;;", "kvk", ImportErrorCodes.KvkInvalid)]
    [InlineData("908301662;;;A1;10;op-tijd;;", "belastingjaar", ImportErrorCodes.Required)]
    [InlineData("908301662;;1999;A1;10;op-tijd;;", "belastingjaar", ImportErrorCodes.TaxYearOutOfRange)]
    [InlineData("908301662;;2024;A_1;10;op-tijd;;", "aanslagnummer", ImportErrorCodes.AssessmentNumberInvalid)]
    [InlineData("908301662;;2024;A1;tien;op-tijd;;", "bedrag", ImportErrorCodes.AmountInvalid)]
    [InlineData("908301662;;2024;A1;10;;;", "uitkomst", ImportErrorCodes.Required)]
    [InlineData("908301662;;2024;A1;10;betaald;;", "uitkomst", ImportErrorCodes.OutcomeUnknown)]
    [InlineData("908301662;;2024;A1;10;op-tijd;3,5;", "dagen_te_laat", ImportErrorCodes.DaysLateInvalid)]
    [InlineData("908301662;;2024;A1;10;op-tijd;;2024-13-01", "afgehandeld_op", ImportErrorCodes.DateInvalid)]
    public void Rejects_a_row_that_breaks_a_rule(string row, string column, string code) =>
        ImportAssert.SingleError(ReadOne(row), 2, column, code);

    [Fact]
    public void An_unknown_outcome_lists_the_known_ones()
    {
        var error = ImportAssert.SingleError(ReadOne("908301662;;2024;A1;10;betaald;;"), 2, "uitkomst", ImportErrorCodes.OutcomeUnknown);
        Assert.Contains("na-hernieuwd-bevel", error.Message);
    }

    [Theory]
    [InlineData("belastingjaar")]
    [InlineData("aanslagnummer")]
    [InlineData("bedrag")]
    [InlineData("uitkomst")]
    public void A_missing_required_column_rejects_the_file(string column)
    {
        string header = string.Join(';', Header.Split(';').Where(c => c != column));
        ImportAssert.Rejected(FileRejectionCodes.MissingColumn, () => Read(header + "\n"));
    }
}
