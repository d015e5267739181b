using System.Text;
using System.Text.RegularExpressions;

namespace Invordering.Printing;

/// <summary>Reads the page count of a PDF as Chromium writes it: the /Count of the root of its page tree.</summary>
public static partial class PdfPages
{
    /// <exception cref="FormatException">The bytes hold no page tree.</exception>
    public static int Count(byte[] pdf)
    {
        var text = Encoding.Latin1.GetString(pdf);
        var counts = PagesDictionary().Matches(text)
            .Select(dictionary => PageCount().Match(dictionary.Value))
            .Where(count => count.Success)
            .Select(count => int.Parse(count.Groups[1].ValueSpan))
            .ToList();
        return counts.Count > 0 ? counts.Max() : throw new FormatException("Het PDF-bestand heeft geen paginaboom.");
    }

    /// <summary>A dictionary (no nested ones) whose /Type is /Pages: a node of the page tree.</summary>
    [GeneratedRegex(@"<<(?:(?!<<|>>).)*?/Type\s*/Pages\b(?:(?!<<|>>).)*>>", RegexOptions.Singleline)]
    private static partial Regex PagesDictionary();

    [GeneratedRegex(@"/Count\s+(\d+)")]
    private static partial Regex PageCount();
}
