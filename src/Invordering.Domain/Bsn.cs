namespace Invordering.Domain;

/// <summary>A burgerservicenummer: 9 digits that pass the 11-proef. Prints masked, so it never leaks into a log.</summary>
public readonly record struct Bsn
{
    private static readonly int[] Weights = [9, 8, 7, 6, 5, 4, 3, 2, -1];

    private Bsn(string value) => Value = value;

    /// <summary>The 9 digits, leading zeros kept.</summary>
    public string Value { get; }

    /// <summary>Only the last 3 digits shown: <c>******662</c>.</summary>
    public string Masked => Mask(Value);

    /// <summary>Whether the text is 9 digits, not all zero, that pass the 11-proef.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        if (!Digits.AreExactly(text, 9) || Digits.AreAllZero(text))
        {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++)
        {
            sum += (text[i] - '0') * Weights[i];
        }
        return sum % 11 == 0;
    }

    /// <summary>Reads a BSN when the text is a valid one.</summary>
    public static bool TryParse(string? text, out Bsn bsn) => TryParse(text.AsSpan(), out bsn);

    /// <summary>Reads a BSN when the text is a valid one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Bsn bsn)
    {
        bsn = IsValid(text) ? new Bsn(text.ToString()) : default;
        return bsn.Value is not null;
    }

    /// <summary>Masks all but the last 3 characters of a BSN-like text with asterisks.</summary>
    public static string Mask(ReadOnlySpan<char> text) =>
        text.Length <= 3 ? new string('*', text.Length) : string.Concat(new string('*', text.Length - 3), text[^3..]);

    /// <summary>The masked form; use <see cref="Value"/> where the full number is truly needed.</summary>
    public override string ToString() => Masked;
}
