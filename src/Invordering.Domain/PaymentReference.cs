namespace Invordering.Domain;

/// <summary>
/// A betalingskenmerk: 16 digits whose first digit is a weighted modulus 11 check over the other 15.
/// Spaces between the digits (as printed on bills, in groups of four) are allowed and removed.
/// </summary>
public readonly record struct PaymentReference
{
    private const int Length = 16;
    private static readonly int[] Weights = [2, 4, 8, 5, 10, 9, 7, 3, 6, 1];

    private PaymentReference(string value) => Value = value;

    /// <summary>The 16 digits, check digit first.</summary>
    public string Value { get; }

    /// <summary>Whether the text is 16 digits (spaces allowed) with a correct check digit.</summary>
    public static bool IsValid(ReadOnlySpan<char> text)
    {
        Span<char> digits = stackalloc char[Length];
        return TryCollectValidDigits(text, digits);
    }

    /// <summary>Reads a payment reference when the text is a valid one.</summary>
    public static bool TryParse(string? text, out PaymentReference reference) => TryParse(text.AsSpan(), out reference);

    /// <summary>Reads a payment reference when the text is a valid one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out PaymentReference reference)
    {
        Span<char> digits = stackalloc char[Length];
        bool valid = TryCollectValidDigits(text, digits);
        reference = valid ? new PaymentReference(digits.ToString()) : default;
        return valid;
    }

    /// <summary>Whether the text is 16 digits (spaces allowed), whatever its check digit.</summary>
    public static bool HasValidForm(ReadOnlySpan<char> text) => TryCollectDigits(text, stackalloc char[Length]);

    /// <summary>Creates the payment reference for a number of at most 15 digits by adding its check digit.</summary>
    public static PaymentReference Create(long fifteenDigitNumber)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fifteenDigitNumber);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(fifteenDigitNumber, 999_999_999_999_999L);
        string body = fifteenDigitNumber.ToString("D15");
        return new PaymentReference((char)('0' + CheckDigit(body)) + body);
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";

    private static bool TryCollectValidDigits(ReadOnlySpan<char> text, Span<char> digits) =>
        TryCollectDigits(text, digits) && digits[0] - '0' == CheckDigit(digits[1..]);

    private static bool TryCollectDigits(ReadOnlySpan<char> text, Span<char> digits)
    {
        int count = 0;
        foreach (char c in text)
        {
            if (c == ' ')
            {
                continue;
            }
            if (!char.IsAsciiDigit(c) || count == Length)
            {
                return false;
            }
            digits[count++] = c;
        }
        return count == Length;
    }

    /// <summary>Weights 2,4,8,5,10,9,7,3,6,1 repeating from the right; 11 minus the remainder, 10 becomes 1 and 11 becomes 0.</summary>
    private static int CheckDigit(ReadOnlySpan<char> body)
    {
        int sum = 0;
        for (int i = 0; i < body.Length; i++)
        {
            sum += (body[body.Length - 1 - i] - '0') * Weights[i % Weights.Length];
        }
        return (11 - sum % 11) switch
        {
            10 => 1,
            11 => 0,
            var check => check,
        };
    }
}
