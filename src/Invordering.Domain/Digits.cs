namespace Invordering.Domain;

/// <summary>Small checks on runs of ASCII digits, shared by the identifier types.</summary>
internal static class Digits
{
    /// <summary>Whether the text is exactly <paramref name="length"/> ASCII digits.</summary>
    public static bool AreExactly(ReadOnlySpan<char> text, int length) =>
        text.Length == length && !text.ContainsAnyExceptInRange('0', '9');

    /// <summary>Whether every character is the digit zero.</summary>
    public static bool AreAllZero(ReadOnlySpan<char> text) => !text.ContainsAnyExcept('0');
}
