using Invordering.Domain.Imports;
using Invordering.Infrastructure.Import;
using static Invordering.Infrastructure.Tests.Import.AssessmentCsv;

namespace Invordering.Infrastructure.Tests.Import;

public sealed class AssessmentImportTests : ImportTestDatabase
{
    [Fact]
    public async Task Every_rule_rejects_its_row_with_line_column_code_and_a_Dutch_message()
    {
        // Stored before: assessments 2026100098 and 2026100099, so that a file can repeat or clash with them.
        var earlier = await ImportTextAsync(ImportKind.Aanslagen, "eerder.csv", File(Row(2026100098, ("bsn", "186091394")), Row(2026100099)));
        Assert.Equal(2, earlier.Accepted);
        var badReference = "5" + ImportFiles.Reference(2026200050)[1..];
        if (badReference == ImportFiles.Reference(2026200050)) badReference = "6" + badReference[1..];

        (string Row, string Column, string Code, string Message)[] table =
        [
            (Row(2026200001), "", "", ""),
            (Row(2026200010, ("aanslagnummer", "")), "aanslagnummer", "verplicht", "Het veld 'aanslagnummer' is leeg, maar moet ingevuld zijn."),
            ("2026200011;2026", "", "kolommen-aantal",
                "Deze regel heeft 2 velden, maar de kopregel heeft er 18. Staat er een ; in een veld zonder aanhalingstekens eromheen?"),
            (Row(2026200012, ("naam", "\"J. de Vries\" jr")), "naam", "aanhalingsteken",
                "In het veld 'naam' staat tekst na het sluitende aanhalingsteken. Schrijf een aanhalingsteken binnen een veld als \"\"."),
            (Row(2026200013, ("aanslagnummer", "2026/13")), "aanslagnummer", "aanslagnummer-ongeldig",
                "Het aanslagnummer '2026/13' is ongeldig: gebruik 1 tot 20 letters, cijfers of streepjes (-)."),
            (Row(2026200001, ("bedrag", "99,00")), "aanslagnummer", "aanslagnummer-dubbel-anders",
                "Het aanslagnummer '2026200001' staat al op regel 2 van dit bestand, met andere gegevens."),
            (Row(2026200015, ("belastingjaar", "26")), "belastingjaar", "belastingjaar-ongeldig", "Het belastingjaar '26' is geen jaartal van 4 cijfers."),
            (Row(2026200016, ("belastingjaar", "1999")), "belastingjaar", "belastingjaar-buiten-bereik", "Het belastingjaar 1999 ligt niet tussen 2000 en 2027."),
            (Row(2026200017, ("dagtekening", "2026-02-30")), "dagtekening", "datum-ongeldig",
                "De datum '2026-02-30' in 'dagtekening' bestaat niet of heeft de verkeerde vorm: gebruik jjjj-mm-dd, zoals 2026-02-27."),
            (Row(2026200018, ("vervaldatum", "2026-02-01")), "vervaldatum", "vervaldatum-voor-dagtekening",
                "De vervaldatum 2026-02-01 ligt voor de dagtekening 2026-02-27."),
            (Row(2026200019, ("termijnen", "13")), "termijnen", "termijnen-ongeldig",
                "Het aantal termijnen '13' is ongeldig: gebruik een heel getal van 1 tot en met 12."),
            (Row(2026200020, ("automatische_incasso", "misschien")), "automatische_incasso", "incasso-ongeldig",
                "De waarde 'misschien' bij 'automatische_incasso' is ongeldig: gebruik ja of nee."),
            (Row(2026200021, ("bedrag", "1.234,56")), "bedrag", "bedrag-ongeldig",
                "Het bedrag '1.234,56' is ongeldig: gebruik euro's met hoogstens twee decimalen en zonder punt voor duizendtallen, zoals 1234,56."),
            (Row(2026200022, ("bedrag", "0")), "bedrag", "bedrag-niet-positief", "Het bedrag € 0,00 moet groter zijn dan nul."),
            (Row(2026200023, ("bedrag", "1000000,01")), "bedrag", "bedrag-te-hoog",
                "Het bedrag € 1.000.000,01 is hoger dan het maximum van € 1.000.000,00."),
            (Row(2026200024, ("betalingskenmerk", "12345")), "betalingskenmerk", "kenmerk-ongeldig",
                "Het betalingskenmerk '12345' is ongeldig: het moet uit 16 cijfers bestaan."),
            (Row(2026200025, ("betalingskenmerk", badReference)), "betalingskenmerk", "kenmerk-controlecijfer",
                $"Het betalingskenmerk '{badReference}' klopt niet: het controlecijfer (het eerste cijfer) past niet bij de andere 15 cijfers."),
            (Row(2026200026, ("bsn", "12345678")), "bsn", "bsn-ongeldig", "Het BSN is ongeldig: het moet uit 9 cijfers bestaan."),
            (Row(2026200027, ("bsn", "123456789")), "bsn", "bsn-elfproef", "Het BSN ******789 voldoet niet aan de elfproef."),
            (Row(2026200028, ("bsn", ""), ("kvk", "1234")), "kvk", "kvk-ongeldig", "Het KvK-nummer '1234' is ongeldig: het moet uit 8 cijfers bestaan."),
            (Row(2026200029, ("bsn", "")), "bsn/kvk", "bsn-of-kvk-verplicht", "Vul een BSN of een KvK-nummer in: nu zijn beide leeg."),
            (Row(2026200030, ("kvk", "12345678")), "bsn/kvk", "bsn-en-kvk", "Vul een BSN of een KvK-nummer in, niet allebei."),
            (Row(2026200031, ("postcode", "123AB")), "postcode", "postcode-ongeldig",
                "De postcode '123AB' is ongeldig: gebruik 4 cijfers en 2 letters, zoals 1234AB."),
            (Row(2026200032, ("telefoon", "12345")), "telefoon", "telefoon-ongeldig",
                "Het telefoonnummer '12345' is ongeldig: gebruik 10 cijfers die met 0 beginnen, of een nummer dat met +31 begint."),
            (Row(2026200033, ("email", "geen-email")), "email", "email-ongeldig",
                "Het e-mailadres 'geen-email' is ongeldig: het moet de vorm naam@voorbeeld.nl hebben."),
            (Row(2026200034, ("naam", "")), "naam", "verplicht", "Het veld 'naam' is leeg, maar moet ingevuld zijn."),
            (Row(2026100099, ("bedrag", "10,00"), ("betalingskenmerk", ImportFiles.Reference(2026200035))), "aanslagnummer", "aanslagnummer-bestaat-anders",
                "Aanslagnummer 2026100099 is al ingelezen met andere gegevens. Pas het nummer of de gegevens aan."),
            (Row(2026200036, ("betalingskenmerk", ImportFiles.Reference(2026100099))), "betalingskenmerk", "kenmerk-bestaat-al",
                $"Betalingskenmerk {ImportFiles.Reference(2026100099)} hoort al bij een ander aanslagnummer."),
            (Row(2026200002), "", "", ""),
            (Row(2026200038, ("betalingskenmerk", ImportFiles.Reference(2026200002))), "betalingskenmerk", "kenmerk-dubbel",
                $"Betalingskenmerk {ImportFiles.Reference(2026200002)} staat eerder in dit bestand bij een ander aanslagnummer."),
            (Row(2026200001), "", "", ""), // the same row again in this file: a duplicate
            (Row(2026100098, ("bsn", "186091394")), "", "", ""), // stored before with this content: a duplicate
        ];

        var summary = await ImportTextAsync(ImportKind.Aanslagen, "regels.csv", File(table.Select(t => t.Row).ToArray()));

        var expected = table.Select((t, i) => new ImportError(i + 2, t.Column, t.Code, t.Message)).Where(e => e.Code != "").ToList();
        await AssertRejectedAsync(summary, expected);
        Assert.Equal((32, 2, 28, 2), (summary.Rows, summary.Accepted, summary.Rejected, summary.Duplicates));
        Assert.False(summary.AlreadyImported);
        Assert.Equal(4, await CountAsync("assessments"));
        Assert.Equal(1, await CountAsync("assessments WHERE assessment_number = '2026100099' AND amount_cents = 31245"));
        Assert.Equal(0, await CountAsync("staging_assessments"));
        Assert.Equal(1, await CountAsync($"import_batches WHERE id = {summary.BatchId} AND status = 'merged' AND rejected = 28 AND accepted = 2"));
    }

    [Fact]
    public async Task A_half_broken_file_stores_its_valid_rows_and_rejects_the_others()
    {
        var summary = await ImportTextAsync(ImportKind.Aanslagen, "half.csv", File(
            Row(2026300001),
            Row(2026300002, ("bsn", "123456789")),
            Row(2026300003, ("bsn", "186091394")),
            Row(2026300004, ("postcode", "postcode")),
            Row(2026300005, ("bsn", ""), ("kvk", "12345678"))));

        Assert.Equal((5, 3, 2, 0), (summary.Rows, summary.Accepted, summary.Rejected, summary.Duplicates));
        Assert.Equal([3L, 5L], summary.Errors.Select(e => e.Line));
        var stored = await Db.ScalarAsync<string>("SELECT string_agg(assessment_number, ',' ORDER BY assessment_number) FROM assessments");
        Assert.Equal("2026300001,2026300003,2026300005", stored);
        Assert.Equal(3, await CountAsync("debtors"));
    }

    [Fact]
    public async Task Importing_the_same_file_again_changes_nothing_and_says_so()
    {
        var path = Files.Write("aanslagen.csv", File(Row(2026400001), Row(2026400002, ("bedrag", "nul"))));
        var first = await ImportAsync(ImportKind.Aanslagen, path);
        var updated = await Db.ScalarAsync<DateTime>("SELECT max(updated_at) FROM debtors");

        var again = await ImportAsync(ImportKind.Aanslagen, path);

        Assert.False(first.AlreadyImported);
        Assert.True(again.AlreadyImported);
        Assert.Equal(first.BatchId, again.BatchId);
        Assert.Equal((2, 0, 0, 2), (again.Rows, again.Accepted, again.Rejected, again.Duplicates));
        Assert.Empty(again.Errors);
        Assert.Equal(1, await CountAsync("import_batches"));
        Assert.Equal(1, await CountAsync("assessments"));
        Assert.Equal(1, await CountAsync("import_rejections"));
        Assert.Equal(updated, await Db.ScalarAsync<DateTime>("SELECT max(updated_at) FROM debtors"));
    }

    [Fact]
    public async Task The_same_rows_in_another_file_are_duplicates_and_change_nothing()
    {
        await ImportTextAsync(ImportKind.Aanslagen, "eerste.csv", File(Row(2026500001), Row(2026500002, ("bsn", "186091394"))));
        var updated = await Db.ScalarAsync<DateTime>("SELECT max(updated_at) FROM debtors");

        // Other bytes (CRLF line ends), so another file, but the same rows.
        var second = await ImportTextAsync(ImportKind.Aanslagen, "tweede.csv",
            File(Row(2026500002, ("bsn", "186091394")), Row(2026500001)).Replace("\n", "\r\n"));

        Assert.Equal((2, 0, 0, 2, false), (second.Rows, second.Accepted, second.Rejected, second.Duplicates, second.AlreadyImported));
        Assert.Equal(2, await CountAsync("assessments"));
        Assert.Equal(2, await CountAsync("debtors"));
        Assert.Equal(updated, await Db.ScalarAsync<DateTime>("SELECT max(updated_at) FROM debtors"));
        Assert.Equal(2, await CountAsync("import_batches WHERE status = 'merged'"));
    }

    [Fact]
    public async Task An_assessment_number_again_with_other_content_is_rejected_and_the_stored_one_kept()
    {
        await ImportTextAsync(ImportKind.Aanslagen, "eerste.csv", File(Row(2026600001)));

        var second = await ImportTextAsync(ImportKind.Aanslagen, "tweede.csv", File(Row(2026600001, ("bedrag", "500,00")), Row(2026600002)));

        var error = Assert.Single(second.Errors);
        Assert.Equal(new ImportError(2, "aanslagnummer", "aanslagnummer-bestaat-anders",
            "Aanslagnummer 2026600001 is al ingelezen met andere gegevens. Pas het nummer of de gegevens aan."), error);
        Assert.Equal((1, 1, 0), (second.Accepted, second.Rejected, second.Duplicates));
        Assert.Equal(31245, await Db.ScalarAsync<long>("SELECT amount_cents FROM assessments WHERE assessment_number = '2026600001'"));
    }

    [Fact]
    public async Task Debtors_are_one_per_bsn_or_kvk_and_the_newer_address_wins()
    {
        await ImportTextAsync(ImportKind.Aanslagen, "eerste.csv", File(
            Row(2026700001),
            Row(2026700002, ("bsn", ""), ("kvk", "12345678"), ("naam", "Bakkerij B.V."), ("telefoon", ""))));

        var second = await ImportTextAsync(ImportKind.Aanslagen, "tweede.csv", File(
            Row(2026700003, ("straat", "Nieuwstraat"), ("huisnummer", "1"), ("telefoon", "")),
            Row(2026700004, ("straat", "Laatstelaan"), ("huisnummer", "9"), ("postcode", "1234 ab"), ("woonplaats", "Zwolle"), ("telefoon", "")),
            Row(2026700005, ("bsn", ""), ("kvk", "12345678"), ("naam", "Bakkerij Nieuw B.V."))));

        Assert.Equal(3, second.Accepted);
        Assert.Equal(2, await CountAsync("debtors"));
        Assert.Equal(3, await CountAsync("assessments a JOIN debtors d ON d.id = a.debtor_id WHERE d.bsn = '908301662'"));
        Assert.Equal("Laatstelaan 9, 1234AB Zwolle, 0612345678", await Db.ScalarAsync<string>(
            "SELECT street || ' ' || house_number || ', ' || postcode || ' ' || city || ', ' || phone FROM debtors WHERE bsn = '908301662'"));
        Assert.Equal("Bakkerij Nieuw B.V.|0612345678", await Db.ScalarAsync<string>("SELECT name || '|' || phone FROM debtors WHERE kvk = '12345678'"));
        Assert.Equal(2, await CountAsync("assessments a JOIN debtors d ON d.id = a.debtor_id WHERE d.kvk = '12345678'"));
    }

    [Fact]
    public async Task Instalments_are_monthly_from_the_due_date_and_add_up_to_the_amount()
    {
        await ImportTextAsync(ImportKind.Aanslagen, "termijnen.csv", File(
            Row(2026800001, ("termijnen", "10"), ("vervaldatum", "2026-03-31"), ("bedrag", "312,45")),
            Row(2026800002, ("termijnen", "1")),
            Row(2026800003, ("termijnen", "")),
            Row(2026800004, ("termijnen", "2"), ("bedrag", "0,01"))));

        var parts = await Db.ScalarAsync<string>("""
            SELECT string_agg(i.sequence || ':' || i.due_date || ':' || i.amount_cents, ' ' ORDER BY i.sequence)
            FROM assessment_instalments i JOIN assessments a ON a.id = i.assessment_id WHERE a.assessment_number = '2026800001'
            """);
        Assert.Equal("1:2026-03-31:3125 2:2026-04-30:3125 3:2026-05-31:3125 4:2026-06-30:3125 5:2026-07-31:3125 " +
                     "6:2026-08-31:3124 7:2026-09-30:3124 8:2026-10-31:3124 9:2026-11-30:3124 10:2026-12-31:3124", parts);
        Assert.Equal("1:1|2:0", await Db.ScalarAsync<string>("""
            SELECT string_agg(i.sequence || ':' || i.amount_cents, '|' ORDER BY i.sequence)
            FROM assessment_instalments i JOIN assessments a ON a.id = i.assessment_id WHERE a.assessment_number = '2026800004'
            """));
        Assert.Equal(12, await CountAsync("assessment_instalments"));
    }

    [Fact]
    public async Task The_sample_file_is_imported_whole()
    {
        var summary = await ImportAsync(ImportKind.Aanslagen, ImportFiles.Sample("aanslagen-voorbeeld.csv"));

        Assert.Equal((8, 8, 0, 0), (summary.Rows, summary.Accepted, summary.Rejected, summary.Duplicates));
        Assert.Equal(8, await CountAsync("debtors"));
        Assert.Equal(10 + 10 + 10 + 2 + 2 + 2, await CountAsync("assessment_instalments"));
        Assert.Equal(0, await CountAsync(
            "(SELECT a.id FROM assessment_instalments i JOIN assessments a ON a.id = i.assessment_id GROUP BY a.id HAVING sum(i.amount_cents) <> min(a.amount_cents)) wrong"));
    }
}
