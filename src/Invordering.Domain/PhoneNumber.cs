namespace Invordering.Domain;

/// <summary>Form check for Dutch telephone numbers: <c>0612345678</c>, <c>+31612345678</c> or <c>0031612345678</c>; spaces and dashes allowed.</summary>
public static class PhoneNumber
{
    /// <summary>Whether the text looks like a Dutch telephone number.</summary>
    public static bool IsPlausible(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        Span<char> digits = stackalloc char[16];
        int count = 0;
        ReadOnlySpan<char> rest = text.AsSpan().Trim();
        bool international = rest.StartsWith("+31") || rest.StartsWith("0031");
        if (international)
        {
            rest = rest[(rest[0] == '+' ? 3 : 4)..];
        }

        foreach (char c in rest)
        {
            if (c is ' ' or '-')
            {
                continue;
            }
            if (!char.IsAsciiDigit(c) || count == digits.Length)
            {
                return false;
            }
            digits[count++] = c;
        }

        return international
            ? count == 9 && digits[0] != '0'
            : count == 10 && digits[0] == '0' && digits[1] != '0';
    }
}
