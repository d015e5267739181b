using System.Text;
using Invordering.Domain;

namespace Invordering.Infrastructure.Tests.Import;

/// <summary>Import files for tests: written to a folder of their own, and the shipped sample files.</summary>
internal sealed class ImportFiles : IDisposable
{
    public static readonly DateOnly Today = new(2026, 3, 1);

    private readonly string _folder = Directory.CreateTempSubdirectory("invordering-import-").FullName;

    /// <summary>Writes a file as UTF-8 without a byte-order mark and returns its path.</summary>
    public string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    public string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>A file of the test data in tests/Invordering.Domain.Tests/Data (the sample aanslagen and camt.053 statements).</summary>
    public static string Sample(string name)
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "Invordering.Domain.Tests", "Data", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"Test data file {name} not found above {AppContext.BaseDirectory}.");
    }

    /// <summary>The betalingskenmerk for a number, with its check digit.</summary>
    public static string Reference(long number) => PaymentReference.Create(number).Value;

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

/// <summary>Builds aanslagen files: a valid row per call, changed where a test says so.</summary>
internal static class AssessmentCsv
{
    public static readonly string[] Columns =
    [
        "aanslagnummer", "belastingjaar", "dagtekening", "vervaldatum", "termijnen", "automatische_incasso", "bedrag",
        "betalingskenmerk", "bsn", "kvk", "naam", "straat", "huisnummer", "postcode", "woonplaats", "telefoon", "email",
        "belastingsoort",
    ];

    public static string Header => string.Join(';', Columns);

    /// <summary>A valid row for assessment number <paramref name="number"/> (betalingskenmerk derived from it); each change sets a column.</summary>
    public static string Row(long number, params (string Column, string Value)[] changes)
    {
        var values = new Dictionary<string, string>
        {
            ["aanslagnummer"] = number.ToString(),
            ["belastingjaar"] = "2026",
            ["dagtekening"] = "2026-02-27",
            ["vervaldatum"] = "2026-04-30",
            ["termijnen"] = "1",
            ["automatische_incasso"] = "nee",
            ["bedrag"] = "312,45",
            ["betalingskenmerk"] = ImportFiles.Reference(number),
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
        foreach (var (column, value) in changes) values[column] = value;
        return string.Join(';', Columns.Select(c => values[c]));
    }

    /// <summary>A file of the header and the rows, LF line ends.</summary>
    public static string File(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";
}

/// <summary>Builds betalingen CSV files.</summary>
internal static class PaymentCsv
{
    public const string Header = "transactie_id;datum;bedrag;betalingskenmerk;omschrijving;tegenrekening_iban;tegenrekening_naam";

    public static string Row(string transactionId, string amount, string reference = "", string description = "",
        string date = "2026-03-02", string iban = "NL91ABNA0417164300", string name = "J. de Vries") =>
        string.Join(';', transactionId, date, amount, reference, description, iban, name);

    public static string File(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";
}

/// <summary>Builds historie files.</summary>
internal static class HistoryCsv
{
    public const string Header = "bsn;kvk;belastingjaar;aanslagnummer;bedrag;uitkomst;dagen_te_laat;afgehandeld_op";

    public static string Row(string number, string outcome = "op-tijd", string bsn = "908301662", string kvk = "",
        string year = "2024", string amount = "250,00", string daysLate = "0", string settledOn = "2024-05-01") =>
        string.Join(';', bsn, kvk, year, number, amount, outcome, daysLate, settledOn);

    public static string File(params string[] rows) => string.Join('\n', [Header, .. rows]) + "\n";
}
