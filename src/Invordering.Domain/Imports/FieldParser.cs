using System.Buffers;
using System.Globalization;

namespace Invordering.Domain.Imports;

/// <summary>
/// Reads the fields of one import row into typed values, collecting an <see cref="ImportError"/> for each rule a field breaks.
/// On an error a method returns a default value; the row is then rejected, so that value is never used.
/// Shared by all import readers, so each rule is written once.
/// </summary>
internal sealed class FieldParser
{
    public const string DebtorIdColumn = "bsn/kvk";

    private const int MinTaxYear = 2000;
    private const int MaxInstalments = 12;
    private const int MaxAssessmentNumberLength = 20;
    private static readonly Money MaxAssessmentAmount = Money.FromEuros(1_000_000m);
    private static readonly SearchValues<char> AssessmentNumberChars =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-");

    private List<ImportError>? _errors;
    private long _line;

    public bool HasErrors => _errors is not null;

    /// <summary>Starts a new row at the line; errors of the previous row must have been taken.</summary>
    public void StartRow(long line)
    {
        _line = line;
        _errors = null;
    }

    /// <summary>The errors of the current row (an empty list when there are none).</summary>
    public IReadOnlyList<ImportError> TakeErrors()
    {
        IReadOnlyList<ImportError> errors = _errors ?? (IReadOnlyList<ImportError>)[];
        _errors = null;
        return errors;
    }

    public void Add(string column, string code, string message) =>
        (_errors ??= []).Add(new ImportError(_line, column, code, message));

    public string Required(Field field)
    {
        if (field.IsEmpty)
        {
            AddRequired(field);
            return "";
        }
        return field.Text.ToString();
    }

    public string? Optional(Field field) => field.IsEmpty ? null : field.Text.ToString();

    public string AssessmentNumber(Field field)
    {
        if (field.IsEmpty)
        {
            AddRequired(field);
            return "";
        }
        if (field.Text.Length > MaxAssessmentNumberLength || field.Text.ContainsAnyExcept(AssessmentNumberChars))
        {
            Add(field.Column, ImportErrorCodes.AssessmentNumberInvalid,
                $"Het aanslagnummer {ImportText.Quote(field.Text)} is ongeldig: gebruik 1 tot 20 letters, cijfers of streepjes (-).");
            return "";
        }
        return field.Text.ToString();
    }

    /// <summary>A tax year of 4 digits from 2000 up to and including <paramref name="latestYear"/>.</summary>
    public int TaxYear(Field field, int latestYear)
    {
        if (field.IsEmpty)
        {
            AddRequired(field);
            return 0;
        }
        if (field.Text.Length != 4 || !int.TryParse(field.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int year))
        {
            Add(field.Column, ImportErrorCodes.TaxYearInvalid,
                $"Het belastingjaar {ImportText.Quote(field.Text)} is geen jaartal van 4 cijfers.");
            return 0;
        }
        if (year < MinTaxYear || year > latestYear)
        {
            Add(field.Column, ImportErrorCodes.TaxYearOutOfRange,
                $"Het belastingjaar {year} ligt niet tussen {MinTaxYear} en {latestYear}.");
            return 0;
        }
        return year;
    }

    /// <summary>A required date; null when it is missing or invalid.</summary>
    public DateOnly? Date(Field field)
    {
        if (field.IsEmpty)
        {
            AddRequired(field);
            return null;
        }
        return OptionalDate(field);
    }

    public DateOnly? OptionalDate(Field field)
    {
        if (field.IsEmpty)
        {
            return null;
        }
        if (TryParseIsoDate(field.Text, out DateOnly date))
        {
            return date;
        }
        Add(field.Column, ImportErrorCodes.DateInvalid,
            $"De datum {ImportText.Quote(field.Text)} in '{field.Column}' bestaat niet of heeft de verkeerde vorm: gebruik jjjj-mm-dd, zoals 2026-02-27.");
        return null;
    }

    /// <summary>Reports a due date before the issue date; does nothing when either date is missing or invalid.</summary>
    public void DueDateNotBeforeIssueDate(string dueDateColumn, DateOnly? issueDate, DateOnly? dueDate)
    {
        if (dueDate < issueDate)
        {
            Add(dueDateColumn, ImportErrorCodes.DueDateBeforeIssueDate,
                $"De vervaldatum {dueDate.Value:yyyy-MM-dd} ligt voor de dagtekening {issueDate.Value:yyyy-MM-dd}.");
        }
    }

    /// <summary>The number of instalments: 1 to 12, 1 when empty.</summary>
    public int Instalments(Field field)
    {
        if (field.IsEmpty)
        {
            return 1;
        }
        if (int.TryParse(field.Text, NumberStyles.None, CultureInfo.InvariantCulture, out int count) && count is >= 1 and <= MaxInstalments)
        {
            return count;
        }
        Add(field.Column, ImportErrorCodes.InstalmentsInvalid,
            $"Het aantal termijnen {ImportText.Quote(field.Text)} is ongeldig: gebruik een heel getal van 1 tot en met {MaxInstalments}.");
        return 1;
    }

    /// <summary>Whether the assessment is paid by direct debit: <c>ja</c> or <c>nee</c> (any case), <c>nee</c> when empty.</summary>
    public bool DirectDebit(Field field)
    {
        if (field.IsEmpty || field.Text.Equals("nee", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        if (field.Text.Equals("ja", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }
        Add(field.Column, ImportErrorCodes.DirectDebitInvalid,
            $"De waarde {ImportText.Quote(field.Text)} bij '{field.Column}' is ongeldig: gebruik ja of nee.");
        return false;
    }

    /// <summary>The amount of an assessment: more than zero and at most 1,000,000 euros.</summary>
    public Money AssessmentAmount(Field field)
    {
        if (Amount(field) is not Money amount)
        {
            return Money.Zero;
        }
        if (amount <= Money.Zero)
        {
            Add(field.Column, ImportErrorCodes.AmountNotPositive, $"Het bedrag {amount} moet groter zijn dan nul.");
        }
        else if (amount > MaxAssessmentAmount)
        {
            Add(field.Column, ImportErrorCodes.AmountTooHigh, $"Het bedrag {amount} is hoger dan het maximum van {MaxAssessmentAmount}.");
        }
        return amount;
    }

    /// <summary>The amount of a payment: positive for money received, negative for a reversal, never zero.</summary>
    public Money PaymentAmount(Field field)
    {
        if (Amount(field) is not Money amount)
        {
            return Money.Zero;
        }
        if (amount == Money.Zero)
        {
            Add(field.Column, ImportErrorCodes.AmountZero,
                "Het bedrag is nul: een betaling is positief, een terugboeking (storno) negatief.");
        }
        return amount;
    }

    /// <summary>Reports a currency other than euros.</summary>
    public void Euro(Field field)
    {
        if (field.IsEmpty)
        {
            Add(field.Column, ImportErrorCodes.CurrencyNotEuro, "Bij het bedrag staat geen valuta; alleen bedragen in euro (EUR) worden verwerkt.");
        }
        else if (!field.Text.Equals("EUR", StringComparison.Ordinal))
        {
            Add(field.Column, ImportErrorCodes.CurrencyNotEuro,
                $"Het bedrag is in valuta {ImportText.Quote(field.Text)}; alleen bedragen in euro (EUR) worden verwerkt.");
        }
    }

    public PaymentReference PaymentReference(Field field)
    {
        if (field.IsEmpty)
        {
            AddRequired(field);
            return default;
        }
        return OptionalPaymentReference(field) ?? default;
    }

    public PaymentReference? OptionalPaymentReference(Field field)
    {
        if (field.IsEmpty)
        {
            return null;
        }
        if (Domain.PaymentReference.TryParse(field.Text, out var reference))
        {
            return reference;
        }
        if (Domain.PaymentReference.HasValidForm(field.Text))
        {
            Add(field.Column, ImportErrorCodes.PaymentReferenceCheckDigit,
                $"Het betalingskenmerk {ImportText.Quote(field.Text)} klopt niet: het controlecijfer (het eerste cijfer) past niet bij de andere 15 cijfers.");
        }
        else
        {
            Add(field.Column, ImportErrorCodes.PaymentReferenceInvalid,
                $"Het betalingskenmerk {ImportText.Quote(field.Text)} is ongeldig: het moet uit 16 cijfers bestaan.");
        }
        return null;
    }

    /// <summary>Exactly one of a BSN and a KvK number, each checked; both given is an error.</summary>
    public (Bsn? Bsn, KvkNumber? Kvk) DebtorId(Field bsnField, Field kvkField)
    {
        if (bsnField.IsEmpty && kvkField.IsEmpty)
        {
            Add(DebtorIdColumn, ImportErrorCodes.BsnOrKvkRequired, "Vul een BSN of een KvK-nummer in: nu zijn beide leeg.");
            return (null, null);
        }
        if (!bsnField.IsEmpty && !kvkField.IsEmpty)
        {
            Add(DebtorIdColumn, ImportErrorCodes.BsnAndKvk, "Vul een BSN of een KvK-nummer in, niet allebei.");
            return (null, null);
        }
        return bsnField.IsEmpty ? (null, Kvk(kvkField)) : (Bsn(bsnField), null);
    }

    public Postcode Postcode(Field field)
    {
        if (field.IsEmpty)
        {
            AddRequired(field);
            return default;
        }
        if (Domain.Postcode.TryParse(field.Text, out var postcode))
        {
            return postcode;
        }
        Add(field.Column, ImportErrorCodes.PostcodeInvalid,
            $"De postcode {ImportText.Quote(field.Text)} is ongeldig: gebruik 4 cijfers en 2 letters, zoals 1234AB.");
        return default;
    }

    public string? Phone(Field field)
    {
        string? phone = Optional(field);
        if (phone is not null && !PhoneNumber.IsPlausible(phone))
        {
            Add(field.Column, ImportErrorCodes.PhoneInvalid,
                $"Het telefoonnummer {ImportText.Quote(field.Text)} is ongeldig: gebruik 10 cijfers die met 0 beginnen, of een nummer dat met +31 begint.");
        }
        return phone;
    }

    public string? Email(Field field)
    {
        string? email = Optional(field);
        if (email is not null && !EmailAddress.IsPlausible(email))
        {
            Add(field.Column, ImportErrorCodes.EmailInvalid,
                $"Het e-mailadres {ImportText.Quote(field.Text)} is ongeldig: het moet de vorm naam@voorbeeld.nl hebben.");
        }
        return email;
    }

    public Iban? OptionalIban(Field field)
    {
        if (field.IsEmpty)
        {
            return null;
        }
        if (Iban.TryParse(field.Text, out var iban))
        {
            return iban;
        }
        Add(field.Column, ImportErrorCodes.IbanInvalid,
            $"Het IBAN {ImportText.Quote(field.Text)} is ongeldig: de opbouw of het controlegetal klopt niet.");
        return null;
    }

    public HistoryOutcome Outcome(Field field)
    {
        if (field.IsEmpty)
        {
            AddRequired(field);
            return default;
        }
        if (HistoryOutcome.TryParseSlug(field.Text, out var outcome))
        {
            return outcome;
        }
        string known = string.Join(", ", Enum.GetValues<HistoryOutcome>().Select(o => o.ToSlug()));
        Add(field.Column, ImportErrorCodes.OutcomeUnknown,
            $"De uitkomst {ImportText.Quote(field.Text)} is onbekend. Gebruik een van: {known}.");
        return default;
    }

    /// <summary>Whole days after the due date that a claim was settled; negative when settled early.</summary>
    public int? DaysLate(Field field)
    {
        if (field.IsEmpty)
        {
            return null;
        }
        if (int.TryParse(field.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int days))
        {
            return days;
        }
        Add(field.Column, ImportErrorCodes.DaysLateInvalid,
            $"Het aantal dagen te laat {ImportText.Quote(field.Text)} is geen heel getal.");
        return null;
    }

    private Bsn? Bsn(Field field)
    {
        if (Domain.Bsn.TryParse(field.Text, out var bsn))
        {
            return bsn;
        }
        if (field.Text.Length == 9 && !field.Text.ContainsAnyExceptInRange('0', '9'))
        {
            Add(field.Column, ImportErrorCodes.BsnElfproef, $"Het BSN {Domain.Bsn.Mask(field.Text)} voldoet niet aan de elfproef.");
        }
        else
        {
            Add(field.Column, ImportErrorCodes.BsnInvalid, "Het BSN is ongeldig: het moet uit 9 cijfers bestaan.");
        }
        return null;
    }

    private KvkNumber? Kvk(Field field)
    {
        if (KvkNumber.TryParse(field.Text, out var kvk))
        {
            return kvk;
        }
        Add(field.Column, ImportErrorCodes.KvkInvalid,
            $"Het KvK-nummer {ImportText.Quote(field.Text)} is ongeldig: het moet uit 8 cijfers bestaan.");
        return null;
    }

    private Money? Amount(Field field)
    {
        if (field.IsEmpty)
        {
            AddRequired(field);
            return null;
        }
        if (Money.TryParse(field.Text, out Money amount))
        {
            return amount;
        }
        Add(field.Column, ImportErrorCodes.AmountInvalid,
            $"Het bedrag {ImportText.Quote(field.Text)} is ongeldig: gebruik euro's met hoogstens twee decimalen en zonder punt voor duizendtallen, zoals 1234,56.");
        return null;
    }

    private void AddRequired(Field field) =>
        Add(field.Column, ImportErrorCodes.Required, $"Het veld '{field.Column}' is leeg, maar moet ingevuld zijn.");

    /// <summary>Parses a <c>yyyy-MM-dd</c> date that exists in the calendar.</summary>
    public static bool TryParseIsoDate(ReadOnlySpan<char> text, out DateOnly date)
    {
        date = default;
        if (text.Length != 10 || text[4] != '-' || text[7] != '-'
            || !int.TryParse(text[..4], NumberStyles.None, CultureInfo.InvariantCulture, out int year)
            || !int.TryParse(text.Slice(5, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int month)
            || !int.TryParse(text.Slice(8, 2), NumberStyles.None, CultureInfo.InvariantCulture, out int day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }
        date = new DateOnly(year, month, day);
        return true;
    }
}
