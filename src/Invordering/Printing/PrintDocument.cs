using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Invordering.Printing;

/// <summary>
/// Many stored letters as one HTML document to print: the layout's &lt;style&gt; once, then each letter's
/// body in its own section that starts on a new page. Letters go into one document only when their
/// styles are the same (<see cref="StyleOf"/>), so each prints exactly as it would alone.
/// </summary>
public static partial class PrintDocument
{
    /// <summary>The style blocks in a letter's head: what a letter needs besides its body to look as it does.</summary>
    public static string StyleOf(string letterHtml)
    {
        var head = Head().Match(letterHtml);
        var scope = head.Success ? head.Value : letterHtml[..BodyStart(letterHtml)];
        return string.Concat(Style().Matches(scope).Select(m => m.Value));
    }

    /// <summary>One document holding the letters in order, each from a new page.</summary>
    /// <exception cref="ArgumentException">No letters, or letters with different styles.</exception>
    public static string Combine(IReadOnlyList<string> letterHtmls)
    {
        if (letterHtmls.Count == 0) throw new ArgumentException("Er zijn geen brieven om af te drukken.", nameof(letterHtmls));
        var style = StyleOf(letterHtmls[0]);
        if (letterHtmls.Skip(1).Any(html => StyleOf(html) != style))
            throw new ArgumentException("Brieven met een verschillende opmaak kunnen niet in één document.", nameof(letterHtmls));

        var document = new StringBuilder(letterHtmls.Sum(html => html.Length) + 64 * letterHtmls.Count + style.Length + 512);
        document.Append("<!DOCTYPE html>\n<html lang=\"nl\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
            .Append(WebUtility.HtmlEncode($"{letterHtmls.Count} brieven"))
            .Append("</title>\n")
            .Append(style)
            .Append("\n<style>section.printed-letter { break-before: page; }</style>\n</head>\n<body>\n");
        foreach (var html in letterHtmls)
        {
            document.Append("<section class=\"printed-letter\">\n").Append(Body(html)).Append("\n</section>\n");
        }
        return document.Append("</body>\n</html>\n").ToString();
    }

    /// <summary>What lies between &lt;body&gt; and &lt;/body&gt;, or the whole text when it has no body element.</summary>
    private static ReadOnlySpan<char> Body(string html)
    {
        var start = BodyStart(html);
        if (start == 0) return html;
        var end = html.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return html.AsSpan(start, (end < start ? html.Length : end) - start);
    }

    private static int BodyStart(string html)
    {
        var open = BodyOpen().Match(html);
        return open.Success ? open.Index + open.Length : 0;
    }

    [GeneratedRegex("<head[\\s>].*?</head>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Head();

    [GeneratedRegex("<style[\\s>].*?</style>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Style();

    [GeneratedRegex("<body[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BodyOpen();
}
