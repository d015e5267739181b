using Invordering.Domain.Imports;
using Invordering.Infrastructure.Import;
using static Invordering.Infrastructure.Tests.Import.HistoryCsv;

namespace Invordering.Infrastructure.Tests.Import;

public sealed class HistoryImportTests : ImportTestDatabase
{
    private const string Outcomes = "op-tijd, na-herinnering, na-aanmaning, na-dwangbevel, na-hernieuwd-bevel, deurwaarder-betaald, " +
        "beslag-zonder-resultaat, regeling-nagekomen, regeling-vervallen, kwijtschelding-toegekend, kwijtschelding-afgewezen, oninbaar";

    [Fact]
    public async Task History_rows_are_stored_and_every_rule_rejects_its_row()
    {
        (string Row, string Column, string Code, string Message)[] table =
        [
            (Row("2024000001", outcome: "na-aanmaning", daysLate: "31", settledOn: "2024-06-01"), "", "", ""),
            (Row("2024000002", outcome: "kwijtschelding-toegekend", bsn: "", kvk: "12345678", daysLate: "", settledOn: ""), "", "", ""),
            (Row("2024000003", outcome: "betaald"), "uitkomst", "uitkomst-onbekend", $"De uitkomst 'betaald' is onbekend. Gebruik een van: {Outcomes}."),
            (Row("2024000004", daysLate: "drie"), "dagen_te_laat", "dagen-te-laat-ongeldig", "Het aantal dagen te laat 'drie' is geen heel getal."),
            (Row("2024000005", bsn: ""), "bsn/kvk", "bsn-of-kvk-verplicht", "Vul een BSN of een KvK-nummer in: nu zijn beide leeg."),
            (Row("2024000006", year: "1999"), "belastingjaar", "belastingjaar-buiten-bereik", "Het belastingjaar 1999 ligt niet tussen 2000 en 2027."),
            (Row("2024000007", settledOn: "2024-13-01"), "afgehandeld_op", "datum-ongeldig",
                "De datum '2024-13-01' in 'afgehandeld_op' bestaat niet of heeft de verkeerde vorm: gebruik jjjj-mm-dd, zoals 2026-02-27."),
            (Row("2024000008", amount: "-5"), "bedrag", "bedrag-niet-positief", "Het bedrag -€ 5,00 moet groter zijn dan nul."),
            (Row(""), "aanslagnummer", "verplicht", "Het veld 'aanslagnummer' is leeg, maar moet ingevuld zijn."),
            (Row("2024000001", outcome: "op-tijd"), "", "", ""), // the same claim again: a duplicate
        ];

        var summary = await ImportTextAsync(ImportKind.Historie, "historie.csv", File(table.Select(t => t.Row).ToArray()));

        await AssertRejectedAsync(summary, table.Select((t, i) => new ImportError(i + 2, t.Column, t.Code, t.Message)).Where(e => e.Code != ""));
        Assert.Equal((10, 2, 7, 1), (summary.Rows, summary.Accepted, summary.Rejected, summary.Duplicates));
        Assert.Equal("908301662|2024|25000|na-aanmaning|31|2024-06-01", await Db.ScalarAsync<string>(
            "SELECT concat_ws('|', bsn, tax_year, amount_cents, outcome, days_late, settled_on) FROM payment_history WHERE assessment_number = '2024000001'"));
        Assert.Equal("12345678|kwijtschelding-toegekend|||", await Db.ScalarAsync<string>(
            "SELECT concat_ws('|', kvk, outcome, coalesce(bsn, ''), coalesce(days_late::text, ''), coalesce(settled_on::text, '')) FROM payment_history WHERE assessment_number = '2024000002'"));
    }

    [Fact]
    public async Task History_already_stored_is_a_duplicate_in_another_file()
    {
        await ImportTextAsync(ImportKind.Historie, "eerste.csv", File(Row("2024000001"), Row("2024000002", year: "2023")));

        var second = await ImportTextAsync(ImportKind.Historie, "tweede.csv", File(Row("2024000002", year: "2023"), Row("2024000002", year: "2024")));

        Assert.Equal((2, 1, 0, 1), (second.Rows, second.Accepted, second.Rejected, second.Duplicates));
        Assert.Equal(3, await CountAsync("payment_history"));
    }
}
