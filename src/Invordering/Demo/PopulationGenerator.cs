using System.Globalization;
using System.Text;
using Invordering.Domain;
using Invordering.Workflows.Simulation;

namespace Invordering.Demo;

/// <summary>
/// Writes a synthetic population as the files a tax office sends: three years of payment history
/// drawn from each debtor's hidden behaviour, the current assessment batch, and the payments made
/// before the due date. Valid BSNs, postcodes and betalingskenmerken; Dutch names.
/// </summary>
public sealed class PopulationGenerator(int seed)
{
    public static readonly DateOnly IssueDate = new(2026, 2, 27);
    public static readonly DateOnly DueDate = SyntheticPopulation.DueDate;

    private static readonly string[] Surnames =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer", "de Boer",
        "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra",
        "Smits", "de Graaf", "van der Meer", "Yılmaz", "El Amrani", "Kaya", "Nguyen", "Pinas", "Öztürk", "Haddou",
    ];
    private static readonly (string City, int Postcode)[] Places =
    [
        ("Arnhem", 6811), ("Apeldoorn", 7311), ("Ede", 6711), ("Doetinchem", 7001), ("Zutphen", 7201), ("Nijmegen", 6511),
        ("Tiel", 4001), ("Harderwijk", 3841), ("Wageningen", 6701), ("Culemborg", 4101), ("Deventer", 7411), ("Winterswijk", 7101),
    ];
    private static readonly string[] Streets =
        ["Kerkstraat", "Dorpsweg", "Stationsplein", "Molenweg", "Markt", "Lindelaan", "Vijverlaan", "Beukenstraat", "Schoolstraat", "Julianalaan"];
    private static readonly string[] TaxKinds = ["OZB", "afvalstoffenheffing", "rioolheffing", "watersysteemheffing"];

    private readonly Random _random = new(seed);

    /// <summary>The files written and each debtor's hidden behaviour, by BSN.</summary>
    public sealed record Population(string HistoryFile, string AssessmentsFile, string EarlyPaymentsFile, IReadOnlyDictionary<string, Behaviour> Behaviours);

    public Population Write(int debtors, string folder)
    {
        Directory.CreateDirectory(folder);
        var behaviours = new Dictionary<string, Behaviour>(debtors);
        var history = Path.Combine(folder, "historie.csv");
        var assessments = Path.Combine(folder, "aanslagen.csv");
        var payments = Path.Combine(folder, "betalingen-voor-vervaldatum.csv");
        using var h = new StreamWriter(history, false, new UTF8Encoding(false));
        using var a = new StreamWriter(assessments, false, new UTF8Encoding(false));
        using var p = new StreamWriter(payments, false, new UTF8Encoding(false));
        h.WriteLine("bsn;belastingjaar;aanslagnummer;bedrag;uitkomst;dagen_te_laat;afgehandeld_op");
        a.WriteLine("aanslagnummer;belastingjaar;dagtekening;vervaldatum;termijnen;automatische_incasso;bedrag;betalingskenmerk;bsn;naam;straat;huisnummer;postcode;woonplaats;telefoon;belastingsoort");
        p.WriteLine("transactie_id;datum;bedrag;betalingskenmerk;omschrijving;tegenrekening_naam");

        var usedBsns = new HashSet<string>();
        for (var i = 0; i < debtors; i++)
        {
            var behaviour = DrawBehaviour();
            string bsn;
            do bsn = NewBsn(); while (!usedBsns.Add(bsn));
            behaviours[bsn] = behaviour;
            var name = $"{(char)('A' + _random.Next(26))}. {Surnames[_random.Next(Surnames.Length)]}";

            for (var year = 2023; year <= 2025; year++)
            {
                var number = $"{year}{i:D7}";
                var amount = Amount();
                var (outcome, daysLate) = DrawHistory(behaviour);
                var settled = new DateOnly(year, 4, 30).AddDays(Math.Max(daysLate, -20));
                h.WriteLine($"{bsn};{year};{number};{Euros(amount)};{outcome};{daysLate};{settled:yyyy-MM-dd}");
            }

            var (city, postcodeDigits) = Places[_random.Next(Places.Length)];
            var postcode = $"{postcodeDigits + _random.Next(0, 9)}{(char)('A' + _random.Next(0, 18))}{(char)('A' + _random.Next(0, 26))}";
            var hasPhone = _random.NextDouble() < SyntheticPopulation.PhoneNumberChance(behaviour);
            var phone = hasPhone ? $"06{_random.Next(10000000, 99999999)}" : "";
            var directDebit = behaviour == Behaviour.OnTime && _random.NextDouble() < 0.3;
            var assessmentNumber = $"2026{i:D7}";
            var reference = PaymentReference.Create(2026_0000_0000_000L + i).Value;
            var current = Amount();
            a.WriteLine($"{assessmentNumber};2026;{IssueDate:yyyy-MM-dd};{DueDate:yyyy-MM-dd};1;{(directDebit ? "ja" : "nee")};{Euros(current)};{reference};{bsn};" +
                        $"{name};{Streets[_random.Next(Streets.Length)]};{_random.Next(1, 200)};{postcode};{city};{phone};{TaxKinds[_random.Next(TaxKinds.Length)]}");
            if (behaviour == Behaviour.OnTime && !directDebit)
                p.WriteLine($"VOOR-{assessmentNumber};{DueDate.AddDays(-_random.Next(1, 40)):yyyy-MM-dd};{Euros(current)};{reference};Aanslag {assessmentNumber};{name}");
        }
        return new Population(history, assessments, payments, behaviours);
    }

    private Behaviour DrawBehaviour() => _random.NextDouble() switch
    {
        < 0.55 => Behaviour.OnTime,
        < 0.77 => Behaviour.Forgetful,
        < 0.90 => Behaviour.WontPay,
        _ => Behaviour.CannotPay,
    };

    private (string Outcome, int DaysLate) DrawHistory(Behaviour behaviour)
    {
        var r = _random.NextDouble();
        return behaviour switch
        {
            Behaviour.OnTime => r < 0.92 ? ("op-tijd", -_random.Next(0, 20)) : ("na-herinnering", _random.Next(5, 20)),
            Behaviour.Forgetful => r < 0.5 ? ("na-herinnering", _random.Next(5, 25)) : r < 0.8 ? ("na-aanmaning", _random.Next(20, 40)) : ("op-tijd", 0),
            Behaviour.WontPay => r < 0.35 ? ("na-dwangbevel", _random.Next(35, 60)) : r < 0.6 ? ("na-hernieuwd-bevel", _random.Next(45, 80))
                : r < 0.9 ? ("deurwaarder-betaald", _random.Next(60, 150)) : ("na-aanmaning", _random.Next(20, 40)),
            _ => r < 0.3 ? ("beslag-zonder-resultaat", 120) : r < 0.55 ? ("kwijtschelding-toegekend", 30) : r < 0.75 ? ("oninbaar", 200)
                : r < 0.9 ? ("regeling-vervallen", 90) : ("regeling-nagekomen", 150),
        };
    }

    private long Amount() => _random.Next(SyntheticPopulation.MinAmountCents, SyntheticPopulation.MaxAmountCents);

    private static string Euros(long cents) => (cents / 100m).ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    /// <summary>A random BSN that passes the 11-proef.</summary>
    private string NewBsn()
    {
        var d = new int[9];
        while (true)
        {
            d[0] = _random.Next(1, 10);
            var sum = d[0] * 9;
            for (var i = 1; i < 8; i++)
            {
                d[i] = _random.Next(0, 10);
                sum += d[i] * (9 - i);
            }
            d[8] = sum % 11;
            if (d[8] == 10) continue;
            var text = string.Concat(d.Select(x => (char)('0' + x)));
            if (Bsn.IsValid(text)) return text;
        }
    }
}
