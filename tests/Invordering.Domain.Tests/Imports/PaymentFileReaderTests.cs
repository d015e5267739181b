using Invordering.Domain.Imports;

namespace Invordering.Domain.Tests.Imports;

public class PaymentFileReaderTests
{
    private const string Header = "transactie_id;datum;bedrag;betalingskenmerk;omschrijving;tegenrekening_iban;tegenrekening_naam";

    private static readonly PaymentFileReader Reader = new();

    private static List<RowResult<PaymentRow>> Read(string text) => Reader.Read(TestFiles.Utf8(text)).ToList();

    private static RowResult<PaymentRow> ReadOne(string row) => Assert.Single(Read($"{Header}\n{row}\n"));

    [Fact]
    public void Reads_a_payment()
    {
        PaymentRow payment = ImportAssert.Valid(ReadOne("TX-1;2026-03-02;312,45;4202600000000001;aanslag 2026100000;nl91 abna 0417 1643 00;J. de Vries"));
        Assert.Equal("TX-1", payment.TransactionId);
        Assert.Equal(new DateOnly(2026, 3, 2), payment.BookingDate);
        Assert.Equal(31245, payment.Amount.Cents);
        Assert.Equal("4202600000000001", payment.PaymentReference?.Value);
        Assert.Equal("aanslag 2026100000", payment.Description);
        Assert.Equal("NL91ABNA0417164300", payment.CounterpartyIban?.Value);
        Assert.Equal("J. de Vries", payment.CounterpartyName);
        Assert.False(payment.IsReversal);
        Assert.Null(payment.ReversalOf);
    }

    [Fact]
    public void Only_id_date_and_amount_are_required()
    {
        var results = Read("bedrag;datum;transactie_id\n-12.50;2026-03-02;TX-2\n");
        PaymentRow reversal = ImportAssert.Valid(Assert.Single(results));
        Assert.Equal(-1250, reversal.Amount.Cents);
        Assert.True(reversal.IsReversal);
        Assert.Null(reversal.PaymentReference);
        Assert.Null(reversal.CounterpartyIban);
    }

    [Theory]
    [InlineData("transactie_id")]
    [InlineData("datum")]
    [InlineData("bedrag")]
    public void A_missing_required_column_rejects_the_file(string column)
    {
        string header = string.Join(';', Header.Split(';').Where(c => c != column));
        var error = ImportAssert.Rejected(FileRejectionCodes.MissingColumn, () => Read(header + "\n"));
        Assert.Contains(column, error.Message);
    }

    [Theory]
    [InlineData(";2026-03-02;1;;;;", "transactie_id", ImportErrorCodes.Required)]
    [InlineData("TX;;1;;;;", "datum", ImportErrorCodes.Required)]
    [InlineData("TX;02-03-2026;1;;;;", "datum", ImportErrorCodes.DateInvalid)]
    [InlineData("TX;2026-03-02;;;;;", "bedrag", ImportErrorCodes.Required)]
    [InlineData("TX;2026-03-02;1,234;;;;", "bedrag", ImportErrorCodes.AmountInvalid)]
    [InlineData("TX;2026-03-02;0,00;;;;", "bedrag", ImportErrorCodes.AmountZero)]
    [InlineData("TX;2026-03-02;1;5202600000000001;;;", "betalingskenmerk", ImportErrorCodes.PaymentReferenceCheckDigit)]
    [InlineData("TX;2026-03-02;1;42026;;;", "betalingskenmerk", ImportErrorCodes.PaymentReferenceInvalid)]
    [InlineData("TX;2026-03-02;1;;;NL91ABNA0417164301;", "tegenrekening_iban", ImportErrorCodes.IbanInvalid)]
    public void Rejects_a_row_that_breaks_a_rule(string row, string column, string code) =>
        ImportAssert.SingleError(ReadOne(row), 2, column, code);

    [Fact]
    public void A_second_payment_with_the_same_id_is_a_duplicate()
    {
        var results = Read($"{Header}\nTX-1;2026-03-02;10;;;;\nTX-2;2026-03-02;10;;;;\nTX-1;2026-03-03;10;;;;\n");
        Assert.Equal([false, false, true], results.Select(r => r.IsDuplicate));
        Assert.All(results, r => ImportAssert.Valid(r));
    }

    [Fact]
    public void Reads_a_camt_053_001_02_statement()
    {
        using Stream file = TestFiles.Open("camt053-001-02.xml");
        var results = Reader.Read(file).ToList();
        string[] lines = File.ReadAllLines(TestFiles.Path("camt053-001-02.xml"));

        Assert.All(results, r => ImportAssert.Valid(r));
        Assert.Equal(
            [("REF-0001", 31245L), ("REF-0002", 7620L), ("REF-0003", -31245L), ("BATCH-1/1", 7620L), ("BATCH-1/2", 45560L), ("REF-0002", 7620L)],
            results.Select(r => (r.Row!.TransactionId, r.Row.Amount.Cents)));
        Assert.Equal([false, false, false, false, false, true], results.Select(r => r.IsDuplicate));

        PaymentRow payment = results[0].Row!;
        Assert.Equal(new DateOnly(2026, 3, 2), payment.BookingDate);
        Assert.Equal("4202600000000001", payment.PaymentReference?.Value);
        Assert.Equal(("J. de Vries", "NL91ABNA0417164300"), (payment.CounterpartyName, payment.CounterpartyIban?.Value));
        Assert.Equal("E2E-0001", payment.EndToEndId);
        Assert.Null(payment.Description);
        Assert.Contains("<Ntry>", lines[results[0].Line - 1]);

        PaymentRow described = results[1].Row!;
        Assert.Null(described.PaymentReference);
        Assert.Equal("aanslag 2026100002 M. Bakker", described.Description);
        Assert.Null(described.EndToEndId);
        Assert.Equal("NL44RABO0123456789", described.CounterpartyIban?.Value);

        PaymentRow reversal = results[2].Row!;
        Assert.True(reversal.IsReversal);
        Assert.Equal("E2E-0001", reversal.ReversalOf);
        Assert.Equal("4202600000000001", reversal.PaymentReference?.Value);

        Assert.Equal(("S. El Amrani", "3202600000000007"), (results[3].Row!.CounterpartyName, results[3].Row!.PaymentReference?.Value));
        Assert.Contains("<TxDtls>", lines[results[3].Line - 1]);
        Assert.Contains("<TxDtls>", lines[results[4].Line - 1]);
    }

    [Fact]
    public void Reads_a_camt_053_001_08_statement()
    {
        using Stream file = TestFiles.Open("camt053-001-08.xml");
        var results = Reader.Read(file).ToList();

        Assert.All(results, r => ImportAssert.Valid(r));
        Assert.Equal(3, results.Count);

        PaymentRow payment = results[0].Row!;
        Assert.Equal(("TX-8-1", 45560L, new DateOnly(2026, 3, 3)), (payment.TransactionId, payment.Amount.Cents, payment.BookingDate));
        Assert.Equal(("K. Yılmaz", "NL91ABNA0417164300"), (payment.CounterpartyName, payment.CounterpartyIban?.Value));
        Assert.Equal("9202600000000004", payment.PaymentReference?.Value);

        PaymentRow returned = results[1].Row!;
        Assert.Equal(("TX-8-2", -45560L), (returned.TransactionId, returned.Amount.Cents));
        Assert.Equal(("K. Yılmaz", "NL91ABNA0417164300"), (returned.CounterpartyName, returned.CounterpartyIban?.Value));
        Assert.Equal("E2E-8-1", returned.ReversalOf);

        PaymentRow international = results[2].Row!;
        Assert.Null(international.PaymentReference);
        Assert.Equal("RF18539007547034 aanmaningskosten", international.Description);
    }

    [Theory]
    [InlineData("  \r\n")]
    [InlineData("\uFEFF")]
    public void Recognises_XML_after_white_space_or_a_byte_order_mark(string before)
    {
        string xml = before + Statement("02", Entry(amount: "10.00"));
        Assert.Equal(1000, ImportAssert.Valid(Assert.Single(Read(xml))).Amount.Cents);
    }

    [Fact]
    public void Rejects_camt_entries_that_break_a_rule_with_the_line_of_the_entry()
    {
        string xml = Statement("08",
            Entry(amount: "10.00"),
            Entry(amount: "abc"),
            Entry(amount: "10.00", currency: "USD"),
            Entry(amount: "10.00", bookingDate: ""),
            Entry(amount: "10.00", bookingDate: "2026-02-30"),
            Entry(amount: "10.00", reference: ""),
            Entry(amount: "0.00"));
        var results = Read(xml);
        long[] entryLines = xml.Split('\n').Select((text, index) => (text, index)).Where(l => l.text.Contains("<Ntry>")).Select(l => (long)l.index + 1).ToArray();

        Assert.Equal(7, results.Count);
        ImportAssert.Valid(results[0]);
        ImportAssert.SingleError(results[1], entryLines[1], "Amt", ImportErrorCodes.AmountInvalid);
        ImportAssert.SingleError(results[2], entryLines[2], "Amt/@Ccy", ImportErrorCodes.CurrencyNotEuro);
        ImportAssert.SingleError(results[3], entryLines[3], "BookgDt", ImportErrorCodes.Required);
        ImportAssert.SingleError(results[4], entryLines[4], "BookgDt", ImportErrorCodes.DateInvalid);
        ImportAssert.SingleError(results[5], entryLines[5], "AcctSvcrRef", ImportErrorCodes.Required);
        ImportAssert.SingleError(results[6], entryLines[6], "Amt", ImportErrorCodes.AmountZero);
    }

    [Fact]
    public void Rejects_broken_XML()
    {
        string xml = Statement("02", Entry(amount: "10.00")).Replace("</Stmt>", "");
        var error = ImportAssert.Rejected(FileRejectionCodes.InvalidXml, () => Read(xml));
        Assert.Contains("regel", error.Message);
    }

    [Fact]
    public void Rejects_XML_that_is_no_camt_053_statement()
    {
        const string pain = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\"><CstmrDrctDbtInitn/></Document>";
        ImportAssert.Rejected(FileRejectionCodes.NotCamt053, () => Read(pain));
        ImportAssert.Rejected(FileRejectionCodes.NotCamt053, () => Read("<html><body/></html>"));
    }

    [Fact]
    public void Refuses_a_document_type_definition()
    {
        string xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY x \"y\">]>\n" + Statement("02", Entry(amount: "1.00"));
        ImportAssert.Rejected(FileRejectionCodes.InvalidXml, () => Read(xml));
    }

    private static string Statement(string version, params string[] entries) =>
        $"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.{version}\">\n<BkToCstmrStmt>\n<Stmt>\n{string.Concat(entries)}</Stmt>\n</BkToCstmrStmt>\n</Document>\n";

    private static int _entryNumber;

    private static string Entry(string amount, string currency = "EUR", string bookingDate = "2026-03-02", string? reference = null)
    {
        string id = reference ?? $"REF-{Interlocked.Increment(ref _entryNumber)}";
        string date = bookingDate.Length == 0 ? "" : $"<BookgDt><Dt>{bookingDate}</Dt></BookgDt>\n";
        string acctSvcrRef = id.Length == 0 ? "" : $"<AcctSvcrRef>{id}</AcctSvcrRef>\n";
        return $"<Ntry>\n<Amt Ccy=\"{currency}\">{amount}</Amt>\n<CdtDbtInd>CRDT</CdtDbtInd>\n{date}{acctSvcrRef}</Ntry>\n";
    }
}
