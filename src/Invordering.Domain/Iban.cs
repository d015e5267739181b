namespace Invordering.Domain;

/// <summary>An international bank account number (ISO 13616), upper case without spaces, with a valid mod-97 check.</summary>
public readonly record struct Iban
{
    private const int MinLength = 15;
    private const int MaxLength = 34;

    private Iban(string value) => Value = value;

    /// <summary>The normalised form, e.g. <c>NL91ABNA0417164300</c>.</summary>
    public string Value { get; }

    /// <summary>Whether the text is an IBAN with a valid check; spaces and lower case are allowed.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        return TryNormaliseValid(text, buffer, out _);
    }

    /// <summary>Reads an IBAN when the text is a valid one; spaces and lower case are allowed.</summary>
    public static bool TryParse(string? text, out Iban iban) => TryParse(text.AsSpan(), out iban);

    /// <summary>Reads an IBAN when the text is a valid one; spaces and lower case are allowed.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Iban iban)
    {
        Span<char> buffer = stackalloc char[MaxLength];
        bool valid = TryNormaliseValid(text, buffer, out int length);
        iban = valid ? new Iban(buffer[..length].ToString()) : default;
        return valid;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";

    private static bool TryNormaliseValid(ReadOnlySpan<char> text, Span<char> buffer, out int length) =>
        TryNormalise(text, buffer, out length) && HasValidCheck(buffer[..length]);

    private static bool TryNormalise(ReadOnlySpan<char> text, Span<char> buffer, out int length)
    {
        length = 0;
        foreach (char c in text)
        {
            if (c == ' ')
            {
                continue;
            }
            if (length == MaxLength || !char.IsAsciiLetterOrDigit(c))
            {
                return false;
            }
            buffer[length++] = char.ToUpperInvariant(c);
        }
        return length >= MinLength
            && char.IsAsciiLetter(buffer[0]) && char.IsAsciiLetter(buffer[1])
            && char.IsAsciiDigit(buffer[2]) && char.IsAsciiDigit(buffer[3]);
    }

    /// <summary>The ISO 7064 mod-97 check over the account part followed by the country code and check digits.</summary>
    private static bool HasValidCheck(ReadOnlySpan<char> iban)
    {
        int remainder = 0;
        for (int i = 0; i < iban.Length; i++)
        {
            char c = iban[(i + 4) % iban.Length];
            remainder = char.IsAsciiDigit(c)
                ? (remainder * 10 + (c - '0')) % 97
                : (remainder * 100 + (c - 'A' + 10)) % 97;
        }
        return remainder == 1;
    }
}
