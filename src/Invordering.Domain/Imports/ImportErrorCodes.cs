namespace Invordering.Domain.Imports;

/// <summary>The stable codes of <see cref="ImportError"/>; clients may rely on them.</summary>
public static class ImportErrorCodes
{
    /// <summary>A required field is empty.</summary>
    public const string Required = "verplicht";

    /// <summary>The row has a different number of fields than the header.</summary>
    public const string FieldCount = "kolommen-aantal";

    /// <summary>Text follows the closing quote of a quoted field.</summary>
    public const string Quote = "aanhalingsteken";

    /// <summary>The assessment number is not 1 to 20 letters, digits or dashes.</summary>
    public const string AssessmentNumberInvalid = "aanslagnummer-ongeldig";

    /// <summary>The assessment number occurred earlier in the file with other content.</summary>
    public const string AssessmentNumberDuplicateDifferent = "aanslagnummer-dubbel-anders";

    /// <summary>The tax year is not 4 digits.</summary>
    public const string TaxYearInvalid = "belastingjaar-ongeldig";

    /// <summary>The tax year lies outside 2000 to next year.</summary>
    public const string TaxYearOutOfRange = "belastingjaar-buiten-bereik";

    /// <summary>The date is not a valid <c>yyyy-MM-dd</c> date.</summary>
    public const string DateInvalid = "datum-ongeldig";

    /// <summary>The due date lies before the issue date.</summary>
    public const string DueDateBeforeIssueDate = "vervaldatum-voor-dagtekening";

    /// <summary>The number of instalments is not a whole number from 1 to 12.</summary>
    public const string InstalmentsInvalid = "termijnen-ongeldig";

    /// <summary>The direct-debit flag is not <c>ja</c> or <c>nee</c>.</summary>
    public const string DirectDebitInvalid = "incasso-ongeldig";

    /// <summary>The amount cannot be read as euros.</summary>
    public const string AmountInvalid = "bedrag-ongeldig";

    /// <summary>The amount of an assessment is zero or negative.</summary>
    public const string AmountNotPositive = "bedrag-niet-positief";

    /// <summary>The amount of an assessment is above the maximum.</summary>
    public const string AmountTooHigh = "bedrag-te-hoog";

    /// <summary>The amount of a payment is zero.</summary>
    public const string AmountZero = "bedrag-nul";

    /// <summary>The amount of a bank entry is not in euros.</summary>
    public const string CurrencyNotEuro = "valuta-niet-euro";

    /// <summary>The payment reference is not 16 digits.</summary>
    public const string PaymentReferenceInvalid = "kenmerk-ongeldig";

    /// <summary>The check digit of the payment reference is wrong.</summary>
    public const string PaymentReferenceCheckDigit = "kenmerk-controlecijfer";

    /// <summary>The BSN is not 9 digits.</summary>
    public const string BsnInvalid = "bsn-ongeldig";

    /// <summary>The BSN fails the 11-proef.</summary>
    public const string BsnElfproef = "bsn-elfproef";

    /// <summary>The KvK number is not 8 digits.</summary>
    public const string KvkInvalid = "kvk-ongeldig";

    /// <summary>Neither a BSN nor a KvK number is given.</summary>
    public const string BsnOrKvkRequired = "bsn-of-kvk-verplicht";

    /// <summary>Both a BSN and a KvK number are given.</summary>
    public const string BsnAndKvk = "bsn-en-kvk";

    /// <summary>The postcode is not of the form <c>1234AB</c>.</summary>
    public const string PostcodeInvalid = "postcode-ongeldig";

    /// <summary>The telephone number does not look like a Dutch one.</summary>
    public const string PhoneInvalid = "telefoon-ongeldig";

    /// <summary>The e-mail address does not look like one.</summary>
    public const string EmailInvalid = "email-ongeldig";

    /// <summary>The IBAN is malformed or fails its mod-97 check.</summary>
    public const string IbanInvalid = "iban-ongeldig";

    /// <summary>The history outcome is not one of the known slugs.</summary>
    public const string OutcomeUnknown = "uitkomst-onbekend";

    /// <summary>The number of days late is not a whole number.</summary>
    public const string DaysLateInvalid = "dagen-te-laat-ongeldig";
}
