namespace Invordering.Domain.Imports;

/// <summary>Shows a field's value inside a Dutch error message: quoted, shortened, and with any 9-digit run masked so no BSN leaks.</summary>
internal static class ImportText
{
    private const int MaxShown = 40;
    private const int BsnLength = 9;

    public static string Quote(ReadOnlySpan<char> value)
    {
        Span<char> shown = stackalloc char[Math.Min(value.Length, MaxShown + BsnLength)];
        value[..shown.Length].CopyTo(shown);
        MaskBsnLikeRuns(shown);
        return value.Length > MaxShown ? $"'{shown[..MaxShown]}…'" : $"'{shown}'";
    }

    private static void MaskBsnLikeRuns(Span<char> text)
    {
        int runStart = 0;
        for (int i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                continue;
            }
            if (i - runStart == BsnLength)
            {
                text.Slice(runStart, BsnLength - 3).Fill('*');
            }
            runStart = i + 1;
        }
    }
}
