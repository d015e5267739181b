using System.Text.Json;
using Invordering.Domain.Imports;
using Invordering.Infrastructure.Import;
using static Invordering.Infrastructure.Tests.Import.PaymentCsv;

namespace Invordering.Infrastructure.Tests.Import;

/// <summary>Payments against the eight assessments of the sample file (aanslagen-voorbeeld.csv).</summary>
public sealed class PaymentImportTests : ImportTestDatabase
{
    private async Task ImportSampleAssessmentsAsync() =>
        Assert.Equal(8, (await ImportAsync(ImportKind.Aanslagen, ImportFiles.Sample("aanslagen-voorbeeld.csv"))).Accepted);

    private Task<long> PaidAsync(string assessmentNumber) =>
        Db.ScalarAsync<long>($"SELECT paid_cents FROM assessments WHERE assessment_number = '{assessmentNumber}'");

    private Task<string> StatusAsync(string transactionId) =>
        Db.ScalarAsync<string>($"SELECT status FROM payments WHERE transaction_id = '{transactionId}'");

    [Fact]
    public async Task Payments_are_matched_by_reference_or_by_number_and_the_rest_waits_unmatched()
    {
        await ImportSampleAssessmentsAsync();

        var summary = await ImportTextAsync(ImportKind.Betalingen, "betalingen.csv", File(
            Row("T1", "312,45", reference: "4202600000000001"),
            Row("T2", "50.00", description: "Aanslag 2026100001, eerste termijn"),
            Row("T3", "20,00", reference: ImportFiles.Reference(999), description: "geen bekend nummer"),
            Row("T4", "100,00", reference: "0202600000000003")));

        Assert.Equal((4, 4, 0, 0), (summary.Rows, summary.Accepted, summary.Rejected, summary.Duplicates));
        Assert.Equal("matched", await StatusAsync("T1"));
        Assert.Equal(31245, await PaidAsync("2026100000"));
        Assert.Equal("matched", await StatusAsync("T2"));
        Assert.Equal(26245, await Db.ScalarAsync<long>("SELECT amount_cents - paid_cents FROM assessments WHERE assessment_number = '2026100001'"));
        Assert.Equal("unmatched", await StatusAsync("T3"));
        Assert.Equal(1, await CountAsync("payments WHERE transaction_id = 'T3' AND assessment_id IS NULL"));
        // An overpayment: more paid than the assessment, a credit of 23,80 to refund or set off.
        Assert.Equal(-2380, await Db.ScalarAsync<long>("SELECT amount_cents - paid_cents FROM assessments WHERE assessment_number = '2026100002'"));
        Assert.Equal(0, await PaidAsync("2026100003"));
    }

    [Fact]
    public async Task Each_matched_payment_leaves_a_PaymentReceived_message_in_the_outbox()
    {
        await ImportSampleAssessmentsAsync();

        await ImportTextAsync(ImportKind.Betalingen, "betalingen.csv", File(
            Row("T1", "312,45", reference: "4202600000000001", date: "2026-03-05"),
            Row("T2", "20,00", description: "onbekend")));

        Assert.Equal(1, await CountAsync("outbox_messages"));
        using var body = JsonDocument.Parse(await Db.ScalarAsync<string>("SELECT body::text FROM outbox_messages WHERE message_type = 'PaymentReceived'"));
        var paymentId = await Db.ScalarAsync<long>("SELECT id FROM payments WHERE transaction_id = 'T1'");
        var assessmentId = await Db.ScalarAsync<long>("SELECT id FROM assessments WHERE assessment_number = '2026100000'");
        Assert.Equal(paymentId, body.RootElement.GetProperty("paymentId").GetInt64());
        Assert.Equal(assessmentId, body.RootElement.GetProperty("assessmentId").GetInt64());
        Assert.Equal(31245, body.RootElement.GetProperty("amountCents").GetInt64());
        Assert.Equal("2026-03-05", body.RootElement.GetProperty("bookingDate").GetString());
    }

    [Fact]
    public async Task A_negative_amount_in_a_later_file_reverses_the_payment_it_mirrors()
    {
        await ImportSampleAssessmentsAsync();
        await ImportTextAsync(ImportKind.Betalingen, "maart.csv", File(
            Row("T1", "312,45", reference: "4202600000000001"),
            Row("T2", "50,00", description: "aanslag 2026100001")));

        var summary = await ImportTextAsync(ImportKind.Betalingen, "storno.csv", File(
            Row("S1", "-50,00", description: "Storno aanslag 2026100001", date: "2026-03-04")));

        Assert.Equal(1, summary.Accepted);
        Assert.Equal("reversed", await StatusAsync("T2"));
        Assert.Equal("reversal", await StatusAsync("S1"));
        Assert.Equal(1, await CountAsync("payments r JOIN payments o ON o.id = r.reversal_of WHERE r.transaction_id = 'S1' AND o.transaction_id = 'T2'"));
        Assert.Equal(0, await PaidAsync("2026100001"));
        Assert.Equal("matched", await StatusAsync("T1"));
        Assert.Equal(3, await CountAsync("outbox_messages WHERE message_type = 'PaymentReceived'"));
        Assert.Equal(1, await CountAsync("outbox_messages WHERE (body->>'amountCents')::bigint = -5000"));
    }

    [Fact]
    public async Task A_camt053_001_02_statement_is_matched_and_its_reversal_undoes_the_payment()
    {
        await ImportSampleAssessmentsAsync();

        var summary = await ImportAsync(ImportKind.Betalingen, ImportFiles.Sample("camt053-001-02.xml"));

        Assert.Equal((6, 5, 0, 1), (summary.Rows, summary.Accepted, summary.Rejected, summary.Duplicates));
        Assert.Equal("reversed", await StatusAsync("REF-0001"));
        Assert.Equal("reversal", await StatusAsync("REF-0003"));
        Assert.Equal(0, await PaidAsync("2026100000"));
        Assert.Equal("matched", await StatusAsync("REF-0002"));
        Assert.Equal(7620, await PaidAsync("2026100002"));
        Assert.Equal(7620, await PaidAsync("2026100006"));
        Assert.Equal(45560, await PaidAsync("2026100003"));
        Assert.Equal(0, await CountAsync("payments WHERE transaction_id IN ('REF-OUT-1', 'REF-PENDING')"));
        Assert.Equal(5, await CountAsync("outbox_messages WHERE message_type = 'PaymentReceived'"));
    }

    [Fact]
    public async Task A_camt053_001_08_return_is_paired_by_end_to_end_id_and_an_unknown_reference_waits()
    {
        await ImportSampleAssessmentsAsync();

        var summary = await ImportAsync(ImportKind.Betalingen, ImportFiles.Sample("camt053-001-08.xml"));

        Assert.Equal((3, 3, 0, 0), (summary.Rows, summary.Accepted, summary.Rejected, summary.Duplicates));
        Assert.Equal("reversed", await StatusAsync("TX-8-1"));
        Assert.Equal("reversal", await StatusAsync("TX-8-2"));
        Assert.Equal(1, await CountAsync("payments r JOIN payments o ON o.id = r.reversal_of WHERE r.transaction_id = 'TX-8-2' AND o.transaction_id = 'TX-8-1'"));
        Assert.Equal(0, await PaidAsync("2026100003"));
        Assert.Equal("unmatched", await StatusAsync("TX-8-3"));
    }

    [Fact]
    public async Task The_same_payments_in_another_file_are_duplicates()
    {
        await ImportSampleAssessmentsAsync();
        await ImportTextAsync(ImportKind.Betalingen, "eerste.csv", File(Row("T1", "312,45", reference: "4202600000000001")));

        var second = await ImportTextAsync(ImportKind.Betalingen, "tweede.csv", File(
            Row("T1", "312,45", reference: "4202600000000001"), Row("T9", "10,00", reference: "4202600000000001")));

        Assert.Equal((2, 1, 0, 1), (second.Rows, second.Accepted, second.Rejected, second.Duplicates));
        Assert.Equal(32245, await PaidAsync("2026100000"));
        Assert.Equal(2, await CountAsync("payments"));
    }

    [Fact]
    public async Task Every_rule_rejects_its_payment_with_line_column_code_and_a_Dutch_message()
    {
        await ImportSampleAssessmentsAsync();
        var badReference = "5202600000000001";

        (string Row, string Column, string Code, string Message)[] table =
        [
            (Row("P1", "312,45", reference: "4202600000000001"), "", "", ""),
            (Row("", "10,00"), "transactie_id", "verplicht", "Het veld 'transactie_id' is leeg, maar moet ingevuld zijn."),
            (Row("P3", "10,00", date: "02-03-2026"), "datum", "datum-ongeldig",
                "De datum '02-03-2026' in 'datum' bestaat niet of heeft de verkeerde vorm: gebruik jjjj-mm-dd, zoals 2026-02-27."),
            (Row("P4", "0,00"), "bedrag", "bedrag-nul", "Het bedrag is nul: een betaling is positief, een terugboeking (storno) negatief."),
            (Row("P5", "12,345"), "bedrag", "bedrag-ongeldig",
                "Het bedrag '12,345' is ongeldig: gebruik euro's met hoogstens twee decimalen en zonder punt voor duizendtallen, zoals 1234,56."),
            (Row("P6", "10,00", reference: "123"), "betalingskenmerk", "kenmerk-ongeldig",
                "Het betalingskenmerk '123' is ongeldig: het moet uit 16 cijfers bestaan."),
            (Row("P7", "10,00", reference: badReference), "betalingskenmerk", "kenmerk-controlecijfer",
                $"Het betalingskenmerk '{badReference}' klopt niet: het controlecijfer (het eerste cijfer) past niet bij de andere 15 cijfers."),
            (Row("P8", "10,00", iban: "NL00ABNA0123456789"), "tegenrekening_iban", "iban-ongeldig",
                "Het IBAN 'NL00ABNA0123456789' is ongeldig: de opbouw of het controlegetal klopt niet."),
            ("P9;2026-03-02;10,00", "", "kolommen-aantal",
                "Deze regel heeft 3 velden, maar de kopregel heeft er 7. Staat er een ; in een veld zonder aanhalingstekens eromheen?"),
            (Row("P1", "312,45", reference: "4202600000000001"), "", "", ""), // the same transaction again: a duplicate
        ];

        var summary = await ImportTextAsync(ImportKind.Betalingen, "regels.csv", File(table.Select(t => t.Row).ToArray()));

        await AssertRejectedAsync(summary, table.Select((t, i) => new ImportError(i + 2, t.Column, t.Code, t.Message)).Where(e => e.Code != ""));
        Assert.Equal((10, 1, 8, 1), (summary.Rows, summary.Accepted, summary.Rejected, summary.Duplicates));
        Assert.Equal(1, await CountAsync("payments"));
        Assert.Equal(31245, await PaidAsync("2026100000"));
    }

    [Fact]
    public async Task A_bank_entry_in_another_currency_is_rejected()
    {
        await ImportSampleAssessmentsAsync();
        var statement = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
              <BkToCstmrStmt>
                <Stmt>
                  <Ntry>
                    <Amt Ccy="USD">312.45</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <BookgDt><Dt>2026-03-02</Dt></BookgDt>
                    <AcctSvcrRef>USD-1</AcctSvcrRef>
                    <NtryDtls><TxDtls><RmtInf><Strd><CdtrRefInf><Ref>4202600000000001</Ref></CdtrRefInf></Strd></RmtInf></TxDtls></NtryDtls>
                  </Ntry>
                </Stmt>
              </BkToCstmrStmt>
            </Document>
            """;

        var summary = await ImportTextAsync(ImportKind.Betalingen, "usd.xml", statement);

        await AssertRejectedAsync(summary, [new ImportError(5, "Amt/@Ccy", "valuta-niet-euro",
            "Het bedrag is in valuta 'USD'; alleen bedragen in euro (EUR) worden verwerkt.")]);
        Assert.Equal(0, await CountAsync("payments"));
    }
}
