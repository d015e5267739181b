namespace Invordering.Domain.Tests.Imports;

/// <summary>Builds assessments files: a valid row per call, changed where a test says so.</summary>
internal static class AssessmentCsv
{
    public static readonly string[] Columns =
    [
        "aanslagnummer", "belastingjaar", "dagtekening", "vervaldatum", "termijnen", "automatische_incasso", "bedrag",
        "betalingskenmerk", "bsn", "kvk", "naam", "straat", "huisnummer", "postcode", "woonplaats", "telefoon", "email",
        "belastingsoort",
    ];

    public static readonly DateOnly Today = new(2026, 3, 1);

    public static string Header => string.Join(';', Columns);

    /// <summary>A valid row; each change sets a column to a value.</summary>
    public static string Row(params (string Column, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["aanslagnummer"] = "2026100000",
            ["belastingjaar"] = "2026",
            ["dagtekening"] = "2026-02-27",
            ["vervaldatum"] = "2026-04-30",
            ["termijnen"] = "1",
            ["automatische_incasso"] = "nee",
            ["bedrag"] = "312,45",
            ["betalingskenmerk"] = "4202600000000001",
            ["bsn"] = "908301662",
            ["kvk"] = "",
            ["naam"] = "J. de Vries",
            ["straat"] = "Kerkstraat",
            ["huisnummer"] = "12",
            ["postcode"] = "6811AB",
            ["woonplaats"] = "Arnhem",
            ["telefoon"] = "0612345678",
            ["email"] = "j.devries@example.nl",
            ["belastingsoort"] = "OZB",
        };
        foreach (var (column, value) in changes)
        {
            values[column] = value;
        }
        return string.Join(';', Columns.Select(c => values[c]));
    }

    /// <summary>A file of the header and the rows, LF line ends.</summary>
    public static string File(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";
}
