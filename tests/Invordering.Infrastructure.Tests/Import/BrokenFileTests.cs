using System.Text;
using Invordering.Domain.Imports;
using Invordering.Infrastructure.Import;
using static Invordering.Infrastructure.Tests.Import.AssessmentCsv;

namespace Invordering.Infrastructure.Tests.Import;

/// <summary>A file that cannot be read as its format is rejected whole: nothing of it is stored but a 'rejected' batch.</summary>
public sealed class BrokenFileTests : ImportTestDatabase
{
    private async Task AssertRejectedWholeAsync(ImportKind kind, string path, string code, string message)
    {
        var rejected = await Assert.ThrowsAsync<FileRejectedException>(() => ImportAsync(kind, path));

        Assert.Equal(code, rejected.Code);
        Assert.Equal(message, rejected.Message);
        Assert.Equal(1, await CountAsync($"import_batches WHERE status = 'rejected' AND kind = '{kind.Slug()}' AND message = '{message.Replace("'", "''")}'"));
        Assert.Equal(1, await CountAsync("import_batches"));
        foreach (var table in new[] { "assessments", "debtors", "assessment_instalments", "payments", "payment_history", "import_rejections",
                     "staging_assessments", "staging_payments", "staging_history", "outbox_messages" })
            Assert.Equal(0, await CountAsync(table));
    }

    [Fact]
    public async Task A_file_separated_by_commas_is_rejected_whole()
    {
        var path = Files.Write("komma.csv", File(Row(2026100001)).Replace(';', ','));

        await AssertRejectedWholeAsync(ImportKind.Aanslagen, path, "scheidingsteken",
            "De kopregel is niet gescheiden door puntkomma's (;). Sla het bestand op met ; als scheidingsteken.");
    }

    [Fact]
    public async Task A_file_without_a_required_column_is_rejected_whole()
    {
        var text = File(Row(2026100001)).Replace(";betalingskenmerk;", ";kenmerk;");

        await AssertRejectedWholeAsync(ImportKind.Aanslagen, Files.Write("kolom.csv", text), "kolom-ontbreekt",
            $"De verplichte kolom 'betalingskenmerk' ontbreekt in de kopregel. De kopregel heeft nu: {Header.Replace(";betalingskenmerk;", ";kenmerk;")}.");
    }

    [Fact]
    public async Task A_file_with_invalid_UTF8_deep_inside_is_rejected_whole_after_rows_were_sent()
    {
        // 20,000 valid rows (several megabytes, so COPY has sent rows to the database), then a byte that is no UTF-8.
        var valid = File(Enumerable.Range(0, 20_000).Select(i => Row(2026_000_000 + i)).ToArray());
        byte[] bytes = [.. Encoding.UTF8.GetBytes(valid), .. Encoding.UTF8.GetBytes("2027000001;2026;2026-02-27;2026-04-30;1;nee;1,00;"), 0xC3, 0x28, (byte)'\n'];

        await AssertRejectedWholeAsync(ImportKind.Aanslagen, Files.Write("utf8.csv", bytes), "geen-utf8",
            "Het bestand is geen geldige UTF-8-tekst. Sla het op als CSV in UTF-8 en probeer het opnieuw.");
    }

    [Fact]
    public async Task A_payments_file_that_is_no_bank_statement_is_rejected_whole()
    {
        var path = Files.Write("afschrift.xml", "<?xml version=\"1.0\"?>\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.008.001.02\"></Document>\n");

        await AssertRejectedWholeAsync(ImportKind.Betalingen, path, "geen-camt053",
            "Het XML-bestand is geen ISO 20022 camt.053-bankafschrift (het begint met <Document> in 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.02').");
    }

    [Fact]
    public async Task A_history_file_without_bsn_and_kvk_columns_is_rejected_whole()
    {
        var path = Files.Write("historie.csv", "belastingjaar;aanslagnummer;bedrag;uitkomst\n2024;2024000001;10,00;op-tijd\n");

        await AssertRejectedWholeAsync(ImportKind.Historie, path, "kolom-ontbreekt",
            "De verplichte kolom 'bsn' of 'kvk' ontbreekt in de kopregel. De kopregel heeft nu: belastingjaar;aanslagnummer;bedrag;uitkomst.");
    }
}
