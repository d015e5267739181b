namespace Invordering.Domain.Imports;

/// <summary>The stable codes of <see cref="FileRejectedException"/>.</summary>
public static class FileRejectionCodes
{
    /// <summary>The file holds no header row.</summary>
    public const string Empty = "bestand-leeg";

    /// <summary>The file is not valid UTF-8.</summary>
    public const string NotUtf8 = "geen-utf8";

    /// <summary>The header is not separated by semicolons.</summary>
    public const string WrongSeparator = "scheidingsteken";

    /// <summary>A required column is missing from the header.</summary>
    public const string MissingColumn = "kolom-ontbreekt";

    /// <summary>A column name occurs twice in the header.</summary>
    public const string DuplicateColumn = "kolom-dubbel";

    /// <summary>A quoted field is never closed.</summary>
    public const string UnclosedQuote = "aanhalingsteken-open";

    /// <summary>One record is longer than any real record can be.</summary>
    public const string RecordTooLong = "regel-te-lang";

    /// <summary>A bank statement is not well-formed XML.</summary>
    public const string InvalidXml = "xml-ongeldig";

    /// <summary>An XML file is not an ISO 20022 camt.053 bank statement.</summary>
    public const string NotCamt053 = "geen-camt053";
}
