using System.Text;
using System.Text.RegularExpressions;
using Invordering.Domain.Imports;

namespace Invordering.Domain.Tests.Imports;

public class AssessmentFileReaderTests
{
    private static readonly AssessmentFileReader Reader = new(AssessmentCsv.Today);

    private static List<RowResult<AssessmentRow>> Read(string text, bool byteOrderMark = false) =>
        Reader.Read(TestFiles.Utf8(text, byteOrderMark)).ToList();

    private static RowResult<AssessmentRow> ReadOne(params (string Column, string Value)[] changes) =>
        Assert.Single(Read(AssessmentCsv.File(AssessmentCsv.Row(changes))));

    private static void AssertRejected(string column, string value, string code, string? errorColumn = null) =>
        ImportAssert.SingleError(ReadOne((column, value)), 2, errorColumn ?? column, code);

    [Fact]
    public void The_sample_file_reads_without_errors()
    {
        using Stream file = TestFiles.Open("aanslagen-voorbeeld.csv");
        var results = Reader.Read(file).ToList();

        Assert.Equal(8, results.Count);
        Assert.All(results, r => ImportAssert.Valid(r));
        Assert.Equal(Enumerable.Range(2, 8).Select(i => (long)i), results.Select(r => r.Line));

        AssessmentRow first = results[0].Row!;
        Assert.Equal("2026100000", first.AssessmentNumber);
        Assert.Equal(2026, first.TaxYear);
        Assert.Equal(new DateOnly(2026, 2, 27), first.IssueDate);
        Assert.Equal(new DateOnly(2026, 4, 30), first.DueDate);
        Assert.Equal(1, first.Instalments);
        Assert.False(first.DirectDebit);
        Assert.Equal(31245, first.Amount.Cents);
        Assert.Equal("4202600000000001", first.PaymentReference.Value);
        Assert.Equal("908301662", first.Bsn?.Value);
        Assert.Null(first.Kvk);
        Assert.Equal("J. de Vries", first.Name);
        Assert.Equal(("Kerkstraat", "12", "6811AB", "Arnhem"), (first.Street, first.HouseNumber, first.Postcode.Value, first.City));
        Assert.Equal("0612345678", first.Phone);
        Assert.Null(first.Email);
        Assert.Equal("OZB", first.TaxKind);

        AssessmentRow second = results[1].Row!;
        Assert.Equal((10, true), (second.Instalments, second.DirectDebit));

        AssessmentRow business = results[4].Row!;
        Assert.Null(business.Bsn);
        Assert.Equal("12345678", business.Kvk?.Value);
        Assert.Equal("K. Yılmaz", results[3].Row!.Name);
    }

    [Fact]
    public void Columns_may_come_in_any_order_and_case_with_unknown_ones_ignored()
    {
        string[] columns = [.. AssessmentCsv.Columns.Reverse().Select(c => c.ToUpperInvariant()), "opmerking"];
        string[] values = [.. AssessmentCsv.Row().Split(';').Reverse(), "wat dan ook"];
        var result = Assert.Single(Read($"{string.Join(';', columns)}\n{string.Join(';', values)}\n"));
        Assert.Equal("2026100000", ImportAssert.Valid(result).AssessmentNumber);
    }

    [Fact]
    public void Optional_columns_may_be_left_out()
    {
        string[] optional = ["termijnen", "automatische_incasso", "kvk", "telefoon", "email", "belastingsoort"];
        int[] keep = Enumerable.Range(0, AssessmentCsv.Columns.Length).Where(i => !optional.Contains(AssessmentCsv.Columns[i])).ToArray();
        string header = string.Join(';', keep.Select(i => AssessmentCsv.Columns[i]));
        string[] row = AssessmentCsv.Row().Split(';');
        var result = Assert.Single(Read($"{header}\n{string.Join(';', keep.Select(i => row[i]))}\n"));

        AssessmentRow assessment = ImportAssert.Valid(result);
        Assert.Equal((1, false), (assessment.Instalments, assessment.DirectDebit));
        Assert.Null(assessment.Phone);
        Assert.Null(assessment.TaxKind);
    }

    [Theory]
    [InlineData("aanslagnummer")]
    [InlineData("belastingjaar")]
    [InlineData("dagtekening")]
    [InlineData("vervaldatum")]
    [InlineData("bedrag")]
    [InlineData("betalingskenmerk")]
    [InlineData("naam")]
    [InlineData("straat")]
    [InlineData("huisnummer")]
    [InlineData("postcode")]
    [InlineData("woonplaats")]
    public void A_missing_required_column_rejects_the_file(string column)
    {
        int[] keep = Enumerable.Range(0, AssessmentCsv.Columns.Length).Where(i => AssessmentCsv.Columns[i] != column).ToArray();
        string header = string.Join(';', keep.Select(i => AssessmentCsv.Columns[i]));
        var error = ImportAssert.Rejected(FileRejectionCodes.MissingColumn, () => Read(header + "\n"));
        Assert.Contains($"'{column}'", error.Message);
    }

    [Fact]
    public void A_file_without_bsn_and_kvk_columns_is_rejected_but_one_of_them_is_enough()
    {
        string Without(params string[] columns) => string.Join(';', AssessmentCsv.Columns.Where(c => !columns.Contains(c)));
        var error = ImportAssert.Rejected(FileRejectionCodes.MissingColumn, () => Read(Without("bsn", "kvk") + "\n"));
        Assert.Contains("'bsn' of 'kvk'", error.Message);
        Assert.Empty(Read(Without("bsn") + "\n"));
    }

    [Theory]
    [InlineData("aanslagnummer")]
    [InlineData("belastingjaar")]
    [InlineData("dagtekening")]
    [InlineData("vervaldatum")]
    [InlineData("bedrag")]
    [InlineData("betalingskenmerk")]
    [InlineData("naam")]
    [InlineData("straat")]
    [InlineData("huisnummer")]
    [InlineData("postcode")]
    [InlineData("woonplaats")]
    public void An_empty_required_field_is_an_error(string column)
    {
        var error = ImportAssert.SingleError(ReadOne((column, "  ")), 2, column, ImportErrorCodes.Required);
        Assert.Contains(column, error.Message);
    }

    [Theory]
    [InlineData("2026-100")]
    [InlineData("A-1")]
    [InlineData("ABCDEFGHIJ0123456789")]
    public void Accepts_assessment_numbers_of_letters_digits_and_dashes(string number) =>
        Assert.Equal(number, ImportAssert.Valid(ReadOne(("aanslagnummer", number))).AssessmentNumber);

    [Theory]
    [InlineData("2026_100")]
    [InlineData("2026 100")]
    [InlineData("ABCDEFGHIJ01234567890")]
    [InlineData("aanslag#1")]
    public void Rejects_other_assessment_numbers(string number) =>
        AssertRejected("aanslagnummer", number, ImportErrorCodes.AssessmentNumberInvalid);

    [Theory]
    [InlineData("26", ImportErrorCodes.TaxYearInvalid)]
    [InlineData("20266", ImportErrorCodes.TaxYearInvalid)]
    [InlineData("twee", ImportErrorCodes.TaxYearInvalid)]
    [InlineData("1999", ImportErrorCodes.TaxYearOutOfRange)]
    [InlineData("2028", ImportErrorCodes.TaxYearOutOfRange)]
    public void Rejects_tax_years_outside_2000_to_next_year(string year, string code) =>
        AssertRejected("belastingjaar", year, code);

    [Theory]
    [InlineData("2000")]
    [InlineData("2027")]
    public void Accepts_tax_years_from_2000_to_next_year(string year) =>
        Assert.Equal(int.Parse(year), ImportAssert.Valid(ReadOne(("belastingjaar", year))).TaxYear);

    [Theory]
    [InlineData("dagtekening", "2026-02-30")]
    [InlineData("dagtekening", "27-02-2026")]
    [InlineData("dagtekening", "2026-2-27")]
    [InlineData("vervaldatum", "2026/04/30")]
    [InlineData("vervaldatum", "2026-13-01")]
    public void Rejects_invalid_dates(string column, string date) =>
        AssertRejected(column, date, ImportErrorCodes.DateInvalid);

    [Fact]
    public void Rejects_a_due_date_before_the_issue_date()
    {
        var error = ImportAssert.SingleError(ReadOne(("vervaldatum", "2026-02-26")), 2, "vervaldatum", ImportErrorCodes.DueDateBeforeIssueDate);
        Assert.Contains("2026-02-26", error.Message);
        Assert.Equal(new DateOnly(2026, 2, 27), ImportAssert.Valid(ReadOne(("vervaldatum", "2026-02-27"))).DueDate);
    }

    [Theory]
    [InlineData("", 1)]
    [InlineData("1", 1)]
    [InlineData("12", 12)]
    public void Reads_instalments(string text, int instalments) =>
        Assert.Equal(instalments, ImportAssert.Valid(ReadOne(("termijnen", text))).Instalments);

    [Theory]
    [InlineData("0")]
    [InlineData("13")]
    [InlineData("-1")]
    [InlineData("twee")]
    [InlineData("1,5")]
    public void Rejects_instalments_outside_1_to_12(string text) =>
        AssertRejected("termijnen", text, ImportErrorCodes.InstalmentsInvalid);

    [Theory]
    [InlineData("", false)]
    [InlineData("nee", false)]
    [InlineData("ja", true)]
    [InlineData("JA", true)]
    public void Reads_direct_debit(string text, bool directDebit) =>
        Assert.Equal(directDebit, ImportAssert.Valid(ReadOne(("automatische_incasso", text))).DirectDebit);

    [Theory]
    [InlineData("j")]
    [InlineData("true")]
    [InlineData("1")]
    public void Rejects_direct_debit_other_than_ja_or_nee(string text) =>
        AssertRejected("automatische_incasso", text, ImportErrorCodes.DirectDebitInvalid);

    [Theory]
    [InlineData("0,01", 1)]
    [InlineData("1234.56", 123456)]
    [InlineData("1000000", 100000000)]
    [InlineData("1000000,00", 100000000)]
    public void Reads_amounts(string text, long cents) =>
        Assert.Equal(cents, ImportAssert.Valid(ReadOne(("bedrag", text))).Amount.Cents);

    [Theory]
    [InlineData("1.234,56", ImportErrorCodes.AmountInvalid)]
    [InlineData("12,345", ImportErrorCodes.AmountInvalid)]
    [InlineData("€ 12", ImportErrorCodes.AmountInvalid)]
    [InlineData("0", ImportErrorCodes.AmountNotPositive)]
    [InlineData("0,00", ImportErrorCodes.AmountNotPositive)]
    [InlineData("-5", ImportErrorCodes.AmountNotPositive)]
    [InlineData("1000000,01", ImportErrorCodes.AmountTooHigh)]
    public void Rejects_amounts_that_are_invalid_not_positive_or_too_high(string text, string code) =>
        AssertRejected("bedrag", text, code);

    [Theory]
    [InlineData("5202600000000001", ImportErrorCodes.PaymentReferenceCheckDigit)]
    [InlineData("420260000000001", ImportErrorCodes.PaymentReferenceInvalid)]
    [InlineData("42026000000000010", ImportErrorCodes.PaymentReferenceInvalid)]
    [InlineData("A202600000000001", ImportErrorCodes.PaymentReferenceInvalid)]
    public void Rejects_payment_references_of_wrong_form_or_check_digit(string text, string code) =>
        AssertRejected("betalingskenmerk", text, code);

    [Fact]
    public void Rejects_a_BSN_that_fails_the_11_proef_without_showing_it()
    {
        var error = ImportAssert.SingleError(ReadOne(("bsn", "908301663")), 2, "bsn", ImportErrorCodes.BsnElfproef);
        Assert.DoesNotContain("908301663", error.Message);
        Assert.Contains("******663", error.Message);
    }

    [Theory]
    [InlineData("90830166")]
    [InlineData("9083016620")]
    [InlineData("90830166x")]
    public void Rejects_a_BSN_that_is_not_9_digits(string text)
    {
        var error = ImportAssert.SingleError(ReadOne(("bsn", text)), 2, "bsn", ImportErrorCodes.BsnInvalid);
        Assert.DoesNotContain(text[..8], error.Message);
    }

    [Theory]
    [InlineData("1234567")]
    [InlineData("123456789")]
    public void Rejects_a_KvK_number_that_is_not_8_digits(string text)
    {
        var error = ImportAssert.SingleError(ReadOne(("bsn", ""), ("kvk", text)), 2, "kvk", ImportErrorCodes.KvkInvalid);
        Assert.DoesNotMatch(new Regex("[0-9]{9}"), error.Message);
    }

    [Fact]
    public void Needs_exactly_one_of_BSN_and_KvK_number()
    {
        ImportAssert.SingleError(ReadOne(("bsn", ""), ("kvk", "")), 2, "bsn/kvk", ImportErrorCodes.BsnOrKvkRequired);
        ImportAssert.SingleError(ReadOne(("kvk", "12345678")), 2, "bsn/kvk", ImportErrorCodes.BsnAndKvk);
        AssessmentRow business = ImportAssert.Valid(ReadOne(("bsn", ""), ("kvk", "01234567")));
        Assert.Equal("01234567", business.Kvk?.Value);
        Assert.Null(business.Bsn);
    }

    [Theory]
    [InlineData("6811 AB", "6811AB")]
    [InlineData("6811ab", "6811AB")]
    public void Normalises_postcodes(string text, string postcode) =>
        Assert.Equal(postcode, ImportAssert.Valid(ReadOne(("postcode", text))).Postcode.Value);

    [Theory]
    [InlineData("0811AB")]
    [InlineData("6811")]
    [InlineData("6811-AB")]
    public void Rejects_invalid_postcodes(string text) =>
        AssertRejected("postcode", text, ImportErrorCodes.PostcodeInvalid);

    [Fact]
    public void Checks_telephone_and_email_only_when_given()
    {
        AssessmentRow row = ImportAssert.Valid(ReadOne(("telefoon", ""), ("email", "")));
        Assert.Null(row.Phone);
        Assert.Null(row.Email);
        AssertRejected("telefoon", "12345", ImportErrorCodes.PhoneInvalid);
        AssertRejected("email", "j.devries@", ImportErrorCodes.EmailInvalid);
    }

    [Fact]
    public void Reports_every_broken_rule_of_a_row()
    {
        var result = ReadOne(("bedrag", "nul"), ("postcode", "?"), ("naam", ""));
        Assert.Null(result.Row);
        Assert.Equal(
            [("bedrag", ImportErrorCodes.AmountInvalid), ("naam", ImportErrorCodes.Required), ("postcode", ImportErrorCodes.PostcodeInvalid)],
            result.Errors.Select(e => (e.Column, e.Code)).OrderBy(e => e.Column));
        Assert.All(result.Errors, e => Assert.Equal(2, e.Line));
    }

    [Fact]
    public void A_row_with_the_wrong_number_of_fields_is_rejected_as_a_whole()
    {
        string row = AssessmentCsv.Row(("naam", "Bakkerij; De Korrel"));
        var results = Read(AssessmentCsv.File(row, AssessmentCsv.Row(("aanslagnummer", "2"))));
        ImportAssert.SingleError(results[0], 2, "", ImportErrorCodes.FieldCount);
        ImportAssert.Valid(results[1]);
    }

    [Fact]
    public void Text_after_a_closing_quote_is_an_error_in_its_column()
    {
        string row = AssessmentCsv.Row(("naam", "\"J. de Vries\" jr"));
        ImportAssert.SingleError(Assert.Single(Read(AssessmentCsv.File(row))), 2, "naam", ImportErrorCodes.Quote);
    }

    [Fact]
    public void The_same_number_with_the_same_content_is_a_duplicate()
    {
        string row = AssessmentCsv.Row();
        var results = Read(AssessmentCsv.File(row, AssessmentCsv.Row(("aanslagnummer", "2")), row.Replace("312,45", "312.45")));
        Assert.Equal([false, false, true], results.Select(r => r.IsDuplicate));
        Assert.All(results, r => ImportAssert.Valid(r));
        Assert.Equal(results[0].Row, results[2].Row);
    }

    [Fact]
    public void The_same_number_with_other_content_is_an_error()
    {
        var results = Read(AssessmentCsv.File(AssessmentCsv.Row(), AssessmentCsv.Row(("bedrag", "312,46"))));
        ImportAssert.Valid(results[0]);
        var error = ImportAssert.SingleError(results[1], 3, "aanslagnummer", ImportErrorCodes.AssessmentNumberDuplicateDifferent);
        Assert.Contains("regel 2", error.Message);
        Assert.False(results[1].IsDuplicate);
    }

    [Fact]
    public void The_content_hash_is_stable_and_sees_every_field()
    {
        AssessmentRow row = ImportAssert.Valid(ReadOne());
        Assert.Equal(row.ComputeContentHash(), (row with { }).ComputeContentHash());
        Assert.NotEqual(row.ComputeContentHash(), (row with { Email = null }).ComputeContentHash());
        Assert.NotEqual(row.ComputeContentHash(), (row with { Email = "" }).ComputeContentHash());
        Assert.NotEqual(row.ComputeContentHash(), (row with { Name = "J. de Vrie", Street = "sKerkstraat" }).ComputeContentHash());
        Assert.NotEqual(row.ComputeContentHash(), (row with { Instalments = 2 }).ComputeContentHash());
        Assert.Equal(row.ComputeContentHash(), ImportAssert.Valid(ReadOne()).ComputeContentHash());
        Assert.NotEqual(row.ComputeContentHash(), (row with { Name = new string('x', 2000) }).ComputeContentHash());
    }

    [Fact]
    public void Reads_a_file_with_byte_order_mark_CRLF_and_a_multi_line_quoted_field()
    {
        string text = string.Join("\r\n",
            AssessmentCsv.Header,
            AssessmentCsv.Row(("straat", "\"Kerkstraat\r\n(achterom)\"")),
            AssessmentCsv.Row(("aanslagnummer", "2"), ("naam", "\"Bakkerij \"\"De Korrel\"\"; B.V.\"")),
            AssessmentCsv.Row(("aanslagnummer", "3"), ("bsn", "123"))) + "\r\n\r\n";
        var results = Read(text, byteOrderMark: true);

        Assert.Equal(3, results.Count);
        Assert.Equal("Kerkstraat\r\n(achterom)", ImportAssert.Valid(results[0]).Street);
        Assert.Equal(2, results[0].Line);
        Assert.Equal("Bakkerij \"De Korrel\"; B.V.", ImportAssert.Valid(results[1]).Name);
        Assert.Equal(4, results[1].Line);
        ImportAssert.SingleError(results[2], 5, "bsn", ImportErrorCodes.BsnInvalid);
    }

    [Fact]
    public void No_message_ever_holds_a_full_BSN()
    {
        string[] rows =
        [
            AssessmentCsv.Row(("bsn", "908301663")),
            AssessmentCsv.Row(("kvk", "908301662"), ("bsn", "")),
            AssessmentCsv.Row(("telefoon", "908301662")),
            AssessmentCsv.Row(("aanslagnummer", "908301662_")),
            AssessmentCsv.Row(("postcode", "908301662")),
            AssessmentCsv.Row(("email", "908301662")),
        ];
        var errors = Read(AssessmentCsv.File(rows)).SelectMany(r => r.Errors).ToList();
        Assert.Equal(rows.Length, errors.Count);
        Assert.All(errors, e => Assert.DoesNotMatch(new Regex("90830166[23]"), e.Message));
    }

    [Fact]
    public void Printing_a_row_masks_the_BSN()
    {
        string printed = ImportAssert.Valid(ReadOne()).ToString();
        Assert.Contains("******662", printed);
        Assert.DoesNotContain("908301662", printed);
    }

    [Fact]
    public void Reads_lazily_from_a_stream_without_end()
    {
        using var stream = new EndlessStream(AssessmentCsv.Header + "\n", i => AssessmentCsv.Row(("aanslagnummer", i.ToString())) + "\n");
        var first = Reader.Read(stream).Take(3).ToList();
        Assert.Equal(["0", "1", "2"], first.Select(r => r.Row!.AssessmentNumber));
        Assert.True(stream.BytesRead < 1024 * 1024);
    }

    /// <summary>A header, then generated lines for ever.</summary>
    private sealed class EndlessStream(string header, Func<long, string> line) : Stream
    {
        private byte[] _pending = Encoding.UTF8.GetBytes(header);
        private int _offset;
        private long _lines;

        public long BytesRead { get; private set; }

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_offset == _pending.Length)
            {
                _pending = Encoding.UTF8.GetBytes(line(_lines++));
                _offset = 0;
            }
            int n = Math.Min(count, _pending.Length - _offset);
            Array.Copy(_pending, _offset, buffer, offset, n);
            _offset += n;
            BytesRead += n;
            return n;
        }

        public override void Flush() => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
