namespace Invordering.Domain;

/// <summary>
/// A Dutch postcode in the form <c>1234AB</c>: four digits (the first 1 to 9) and two letters.
/// One space between digits and letters is allowed and removed; lower-case letters are accepted and upper-cased.
/// </summary>
public readonly record struct Postcode
{
    private Postcode(string value) => Value = value;

    /// <summary>The normalised form, e.g. <c>6811AB</c>.</summary>
    public string Value { get; }

    /// <summary>Whether the text is a postcode in an accepted form.</summary>
    public static bool IsValid(ReadOnlySpan<char> text) => TryNormalise(text, stackalloc char[6]);

    /// <summary>Reads a postcode when the text is a valid one.</summary>
    public static bool TryParse(string? text, out Postcode postcode) => TryParse(text.AsSpan(), out postcode);

    /// <summary>Reads a postcode when the text is a valid one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Postcode postcode)
    {
        Span<char> normalised = stackalloc char[6];
        bool valid = TryNormalise(text, normalised);
        postcode = valid ? new Postcode(normalised.ToString()) : default;
        return valid;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";

    private static bool TryNormalise(ReadOnlySpan<char> text, Span<char> normalised)
    {
        if (text.Length == 7 && text[4] == ' ')
        {
            text.Slice(0, 4).CopyTo(normalised);
            text.Slice(5, 2).CopyTo(normalised[4..]);
        }
        else if (text.Length == 6)
        {
            text.CopyTo(normalised);
        }
        else
        {
            return false;
        }

        normalised[4] = char.ToUpperInvariant(normalised[4]);
        normalised[5] = char.ToUpperInvariant(normalised[5]);
        return normalised[0] is >= '1' and <= '9'
            && Digits.AreExactly(normalised[..4], 4)
            && char.IsAsciiLetterUpper(normalised[4])
            && char.IsAsciiLetterUpper(normalised[5]);
    }
}
