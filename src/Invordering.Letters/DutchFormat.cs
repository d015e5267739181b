using System.Globalization;

namespace Invordering.Letters;

/// <summary>Formats amounts, dates and account numbers the way Dutch letters print them.</summary>
public static class DutchFormat
{
    private static readonly string[] MonthNames =
    [
        "januari", "februari", "maart", "april", "mei", "juni",
        "juli", "augustus", "september", "oktober", "november", "december",
    ];

    /// <summary>Cents as euros with Dutch grouping and a decimal comma: 123456 becomes "€ 1.234,56".</summary>
    public static string Euro(long cents)
    {
        var sign = cents < 0 ? "-" : "";
        var magnitude = cents < 0 ? -(decimal)cents : cents;
        var euros = (ulong)(magnitude / 100);
        var rest = (int)(magnitude % 100);
        return $"€ {sign}{Group(euros)},{rest:00}";
    }

    /// <summary>A date written out in Dutch: 2026-03-12 becomes "12 maart 2026".</summary>
    public static string Date(DateOnly date) =>
        $"{date.Day} {MonthNames[date.Month - 1]} {date.Year}";

    /// <summary>An IBAN in groups of four ("NL91 ABNA 0417 1643 00"), ignoring spaces and case in the input.</summary>
    public static string Iban(string iban) => InGroupsOfFour(iban.Replace(" ", "").ToUpperInvariant());

    /// <summary>A betalingskenmerk in groups of four digits ("1234 5678 9012 3456").</summary>
    public static string PaymentReference(string reference) => InGroupsOfFour(reference.Replace(" ", ""));

    private static string Group(ulong euros)
    {
        var digits = euros.ToString(CultureInfo.InvariantCulture);
        if (digits.Length <= 3)
        {
            return digits;
        }

        var firstGroup = digits.Length % 3 == 0 ? 3 : digits.Length % 3;
        var result = new System.Text.StringBuilder(digits, 0, firstGroup, digits.Length + digits.Length / 3);
        for (var i = firstGroup; i < digits.Length; i += 3)
        {
            result.Append('.').Append(digits, i, 3);
        }

        return result.ToString();
    }

    private static string InGroupsOfFour(string compact)
    {
        var result = new System.Text.StringBuilder(compact.Length + compact.Length / 4);
        for (var i = 0; i < compact.Length; i++)
        {
            if (i > 0 && i % 4 == 0)
            {
                result.Append(' ');
            }

            result.Append(compact[i]);
        }

        return result.ToString();
    }
}
