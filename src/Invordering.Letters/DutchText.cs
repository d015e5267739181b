using System.Net;
using System.Text.RegularExpressions;

namespace Invordering.Letters;

/// <summary>A sentence of running text with its words.</summary>
internal sealed record Sentence(string Text, IReadOnlyList<string> Words);

/// <summary>Turns HTML into Dutch sentences and words, and estimates syllables.</summary>
internal static partial class DutchText
{
    private const string Vowels = "aeiouyáéíóúàèìòùâêîôû";
    private const string VowelsStartingASyllable = "äëïöü";
    private const string EdgePunctuation = ".,;:!?()[]{}\"'“”‘’«»…";

    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "bijv", "o.a", "enz", "nr", "t.a.v", "mevr", "dhr", "ca", "evt", "m.b.t", "z.o.z", "d.w.z", "i.p.v", "incl", "excl",
    };

    /// <summary>
    /// The sentences of the running text: only inside &lt;main&gt; when there is one, without tables and definition
    /// lists (they hold amounts and references, not prose); block elements end a sentence.
    /// </summary>
    public static IReadOnlyList<Sentence> Sentences(string html)
    {
        var text = Whitespace().Replace(Invisible().Replace(ReadablePart(html), " "), " ");
        text = BlockTag().Replace(text, "\n");
        text = AnyTag().Replace(text, " ");
        text = WebUtility.HtmlDecode(text).Replace('\u00A0', ' ');
        var sentences = new List<Sentence>();
        foreach (var block in text.Split('\n'))
        {
            foreach (var sentence in SplitSentences(Whitespace().Replace(block, " ").Trim()))
            {
                var words = Words(sentence);
                if (words.Count > 0)
                {
                    sentences.Add(new Sentence(sentence, words));
                }
            }
        }

        return sentences;
    }

    /// <summary>An estimate of the syllables in a Dutch word: groups of vowels, where ë, ï, ... start a new one.</summary>
    public static int Syllables(string word)
    {
        var count = 0;
        var inVowelGroup = false;
        foreach (var c in word.ToLowerInvariant())
        {
            var startsSyllable = VowelsStartingASyllable.Contains(c);
            var isVowel = startsSyllable || Vowels.Contains(c);
            if (isVowel && (!inVowelGroup || startsSyllable))
            {
                count++;
            }

            inVowelGroup = isVowel;
        }

        return Math.Max(count, 1);
    }

    /// <summary>The number of letters in a word.</summary>
    public static int Letters(string word) => word.Count(char.IsLetter);

    /// <summary>True for numbers, amounts, dates in digits, web addresses and e-mail addresses.</summary>
    public static bool IsNumberOrAddress(string word) =>
        word.Any(char.IsDigit) || word.Contains('@') || word.Contains('/') || word.Contains('.');

    private static string ReadablePart(string html)
    {
        var main = MainElement().Match(html);
        if (main.Success)
        {
            return main.Groups[1].Value;
        }

        var body = BodyElement().Match(html);
        return body.Success ? body.Groups[1].Value : html;
    }

    private static IEnumerable<string> SplitSentences(string block)
    {
        var start = 0;
        for (var i = 0; i < block.Length; i++)
        {
            if (block[i] is not ('.' or '!' or '?') || (i + 1 < block.Length && block[i + 1] != ' '))
            {
                continue;
            }

            if (block[i] == '.' && IsAbbreviationOrInitial(block, start, i))
            {
                continue;
            }

            yield return block[start..(i + 1)].Trim();
            start = i + 1;
        }

        if (start < block.Length && block[start..].Trim().Length > 0)
        {
            yield return block[start..].Trim();
        }
    }

    private static bool IsAbbreviationOrInitial(string block, int sentenceStart, int dot)
    {
        var wordStart = dot;
        while (wordStart > sentenceStart && block[wordStart - 1] != ' ')
        {
            wordStart--;
        }

        var word = block[wordStart..dot];
        return (word.Length == 1 && char.IsUpper(word[0])) || Abbreviations.Contains(word);
    }

    private static List<string> Words(string sentence) =>
        sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(token => token.Trim(EdgePunctuation.ToCharArray()))
            .Where(token => token.Any(char.IsLetterOrDigit))
            .ToList();

    [GeneratedRegex(@"<main\b[^>]*>(.*)</main>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex MainElement();

    [GeneratedRegex(@"<body\b[^>]*>(.*)</body>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex BodyElement();

    [GeneratedRegex(@"<(style|script|head|table|dl)\b.*?</\1>|<!--.*?-->", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Invisible();

    [GeneratedRegex(@"</?(p|div|li|ul|ol|dl|dt|dd|table|caption|thead|tbody|tfoot|tr|td|th|h[1-6]|br|hr|section|header|footer|address|article|main|aside|nav|blockquote)\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex BlockTag();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex AnyTag();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
