using System.Globalization;
using System.Text;
using Invordering.Domain;
using Invordering.Domain.Imports;

namespace Invordering.Infrastructure.Bench;

/// <summary>
/// Valid, realistic Dutch assessments for benchmarks and demos, the same for the same seed: BSNs that
/// pass the 11-proef (one debtor in twenty a business with a KvK number), betalingskenmerken with
/// their check digit, postcodes, names and addresses. About three assessments in four debtors share
/// a debtor with another; most are paid at once, some in two or ten monthly instalments.
/// </summary>
public sealed class AssessmentGenerator(int seed, int taxYear)
{
    private static readonly string[] Surnames =
    [
        "de Jong", "Jansen", "de Vries", "van den Berg", "van Dijk", "Bakker", "Janssen", "Visser", "Smit", "Meijer",
        "de Boer", "Mulder", "de Groot", "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer",
        "de Wit", "Dijkstra", "Smits", "de Graaf", "van der Meer", "van der Linden", "Kok", "Jacobs", "de Haan", "Vermeulen",
        "van den Heuvel", "van der Veen", "van den Broek", "de Bruijn", "de Bruin", "van der Heijden", "Schouten", "van Beek", "Willems", "van Vliet",
        "Yılmaz", "El Amrani", "Öztürk", "Kaya", "Bouzid", "Nguyen", "Pinas", "Martina", "Kartosen", "Çelik",
    ];

    private static readonly string[] Companies =
    [
        "Bakkerij", "Installatiebedrijf", "Autobedrijf", "Kapsalon", "Bouwbedrijf", "Transport", "Hoveniersbedrijf", "Schildersbedrijf",
    ];

    private static readonly string[] Streets =
    [
        "Kerkstraat", "Dorpsstraat", "Molenweg", "Stationsweg", "Schoolstraat", "Julianastraat", "Beatrixlaan", "Wilhelminastraat",
        "Nieuwstraat", "Markt", "Lindelaan", "Beukenlaan", "Eikenlaan", "Kastanjelaan", "Parkweg", "Industrieweg",
        "Oranjestraat", "Prins Bernhardlaan", "Emmastraat", "Hoofdstraat", "Vijverlaan", "Sportlaan", "Zuiderweg", "Noordstraat",
    ];

    private static readonly (string Digits, string City)[] Places =
    [
        ("6811", "Arnhem"), ("6826", "Arnhem"), ("7001", "Doetinchem"), ("7311", "Apeldoorn"), ("7201", "Zutphen"), ("6711", "Ede"),
        ("6721", "Bennekom"), ("6701", "Wageningen"), ("7411", "Deventer"), ("8011", "Zwolle"), ("6511", "Nijmegen"), ("3811", "Amersfoort"),
        ("7511", "Enschede"), ("7101", "Winterswijk"), ("6871", "Renkum"), ("3771", "Barneveld"), ("8071", "Nunspeet"), ("6961", "Eerbeek"),
    ];

    private static readonly string[] TaxKinds = ["OZB", "afvalstoffenheffing", "rioolheffing", "watersysteemheffing", "zuiveringsheffing"];

    private static readonly string[] Initials = [.. Enumerable.Range('A', 26).Select(c => $"{(char)c}.")];

    /// <summary>Street numbers as strings, so that a row allocates no text it can share.</summary>
    private static readonly string[] HouseNumbers = [.. Enumerable.Range(1, 240).Select(n => n.ToString(CultureInfo.InvariantCulture)), "1a", "4b", "12-2", "88bis"];

    private readonly string[] _names = [.. Initials.SelectMany(i => Surnames.Select(s => $"{i} {s}"))];

    public static readonly string Header =
        "aanslagnummer;belastingjaar;dagtekening;vervaldatum;termijnen;automatische_incasso;bedrag;betalingskenmerk;bsn;kvk;naam;straat;huisnummer;postcode;woonplaats;telefoon;email;belastingsoort";

    /// <summary>The rows, generated one by one (nothing is kept in memory).</summary>
    public IEnumerable<AssessmentRow> Rows(int count)
    {
        int debtors = Math.Max(1, count * 3 / 4);
        var issueDate = new DateOnly(taxYear, 2, 27);
        for (int i = 0; i < count; i++)
        {
            ulong draw = Mix((ulong)seed, (ulong)i);
            int debtor = (int)(draw % (ulong)debtors);
            int instalments = ((draw >> 32) % 10) switch { < 7 => 1, < 9 => 10, _ => 2 };
            long cents = 2_000 + (long)((draw >> 40) % 200_000);
            yield return Debtor(debtor) with
            {
                AssessmentNumber = string.Create(CultureInfo.InvariantCulture, $"{taxYear}{i + 1:D8}"),
                TaxYear = taxYear,
                IssueDate = issueDate,
                DueDate = instalments == 1 ? issueDate.AddMonths(2) : new DateOnly(taxYear, 3, 31),
                Instalments = instalments,
                DirectDebit = instalments == 10,
                Amount = new Money(cents),
                PaymentReference = PaymentReference.Create(taxYear * 10_000_000_000L + i + 1),
                TaxKind = TaxKinds[(int)((draw >> 20) % (ulong)TaxKinds.Length)],
            };
        }
    }

    /// <summary>Writes the rows as an aanslagen file (UTF-8, `;`, decimal comma).</summary>
    public void WriteCsv(string path, int count)
    {
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        writer.Write('\n');
        foreach (var row in Rows(count))
        {
            writer.Write(row.AssessmentNumber); writer.Write(';');
            writer.Write(row.TaxYear); writer.Write(';');
            WriteDate(writer, row.IssueDate); writer.Write(';');
            WriteDate(writer, row.DueDate); writer.Write(';');
            writer.Write(row.Instalments); writer.Write(';');
            writer.Write(row.DirectDebit ? "ja" : "nee"); writer.Write(';');
            var (euros, cents) = Math.DivRem(row.Amount.Cents, 100);
            writer.Write(euros); writer.Write(','); writer.Write((char)('0' + cents / 10)); writer.Write((char)('0' + cents % 10)); writer.Write(';');
            writer.Write(row.PaymentReference.Value); writer.Write(';');
            writer.Write(row.Bsn?.Value); writer.Write(';');
            writer.Write(row.Kvk?.Value); writer.Write(';');
            writer.Write(row.Name); writer.Write(';');
            writer.Write(row.Street); writer.Write(';');
            writer.Write(row.HouseNumber); writer.Write(';');
            writer.Write(row.Postcode.Value); writer.Write(';');
            writer.Write(row.City); writer.Write(';');
            writer.Write(row.Phone); writer.Write(';');
            writer.Write(row.Email); writer.Write(';');
            writer.Write(row.TaxKind);
            writer.Write('\n');
        }
    }

    /// <summary>The debtor's part of a row; the same debtor number always gives the same person or business.</summary>
    private AssessmentRow Debtor(int debtor)
    {
        ulong draw = Mix((ulong)seed ^ 0x5EED_DEB7, (ulong)debtor);
        var (digits, city) = Places[(int)(draw % (ulong)Places.Length)];
        var postcode = string.Create(6, (digits, draw), static (span, s) =>
        {
            s.digits.CopyTo(span);
            span[4] = (char)('A' + (int)((s.draw >> 8) % 26));
            span[5] = (char)('A' + (int)((s.draw >> 16) % 26));
        });
        Postcode.TryParse(postcode, out var validPostcode);
        bool business = draw % 20 == 0;
        string name = business
            ? $"{Companies[(int)((draw >> 24) % (ulong)Companies.Length)]} {Surnames[(int)((draw >> 32) % (ulong)Surnames.Length)]} B.V."
            : _names[(int)((draw >> 24) % (ulong)_names.Length)];
        string? phone = (draw >> 40) % 10 < 6 ? string.Create(CultureInfo.InvariantCulture, $"06{(draw >> 12) % 100_000_000:D8}") : null;
        string? email = (draw >> 44) % 10 < 3 ? string.Create(CultureInfo.InvariantCulture, $"debiteur{debtor}@example.nl") : null;

        return new AssessmentRow(
            AssessmentNumber: "", TaxYear: 0, IssueDate: default, DueDate: default, Instalments: 1, DirectDebit: false,
            Amount: Money.Zero, PaymentReference: default,
            Bsn: business ? null : ValidBsn(draw),
            Kvk: business && KvkNumber.TryParse(string.Create(CultureInfo.InvariantCulture, $"{10_000_000 + debtor % 90_000_000:D8}"), out var kvk) ? kvk : null,
            Name: name,
            Street: Streets[(int)((draw >> 48) % (ulong)Streets.Length)],
            HouseNumber: HouseNumbers[(int)((draw >> 52) % (ulong)HouseNumbers.Length)],
            Postcode: validPostcode,
            City: city,
            Phone: phone,
            Email: email,
            TaxKind: null);
    }

    /// <summary>A BSN from the draw: eight digits, then the ninth that makes the 11-proef hold (a draw that needs a tenth is moved on).</summary>
    private static Bsn ValidBsn(ulong draw)
    {
        Span<char> digits = stackalloc char[9];
        for (ulong attempt = 0; ; attempt++)
        {
            ulong value = Mix(draw, attempt) % 100_000_000;
            int sum = 0;
            for (int i = 7; i >= 0; i--)
            {
                int digit = (int)(value % 10);
                value /= 10;
                digits[i] = (char)('0' + digit);
                sum += digit * (9 - i);
            }
            int last = sum % 11;
            if (last == 10) continue;
            digits[8] = (char)('0' + last);
            if (Bsn.TryParse(digits, out var bsn)) return bsn;
        }
    }

    private static void WriteDate(StreamWriter writer, DateOnly date)
    {
        Span<char> text = stackalloc char[10];
        date.TryFormat(text, out _, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        writer.Write(text);
    }

    /// <summary>SplitMix64 over two numbers: a cheap, well-spread, reproducible draw.</summary>
    private static ulong Mix(ulong a, ulong b)
    {
        ulong z = a * 0x9E3779B97F4A7C15UL + b + 0x632BE59BD9B4E019UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
