using System.Text.RegularExpressions;

namespace Invordering.Letters;

/// <summary>
/// Checks Dutch letter text for plain language (B1): long sentences, long words, passive voice and unexplained legal
/// terms, and computes the Flesch-Douma reading ease from a syllable estimate.
/// </summary>
/// <remarks>
/// Only running text is read: inside &lt;main&gt; when there is one (the letterhead, address and footer are not
/// prose), without tables and definition lists (amounts and references).
/// A legal term counts as explained when, after it in the same sentence, stands "is", "betekent", "heet",
/// "dat wil zeggen", "houdt in" or a colon, or when the next sentence starts with "Dat", "Dit" or "Die" and
/// contains one of those.
/// </remarks>
public sealed partial class PlainLanguageChecker
{
    private static readonly HashSet<string> PassiveAuxiliaries = ["wordt", "worden", "werd", "werden"];
    private static readonly HashSet<string> StateAuxiliaries = ["is", "zijn", "was", "waren"];
    private static readonly string[] SeparablePrefixes = ["op", "af", "aan", "in", "uit", "terug", "mee", "door", "over", "vast", "toe", "weg", "bij", "na", "voor"];
    private static readonly string[] InseparablePrefixes = ["be", "ver", "ont", "her", "er"];

    private readonly PlainLanguageRules rules;

    /// <summary>Creates a checker with the B1 defaults.</summary>
    public PlainLanguageChecker()
        : this(PlainLanguageRules.Default)
    {
    }

    /// <summary>Creates a checker with other limits or word lists.</summary>
    public PlainLanguageChecker(PlainLanguageRules rules)
    {
        this.rules = rules;
    }

    /// <summary>Checks an HTML letter (or plain text) and reports findings, reading ease and level.</summary>
    public PlainLanguageReport Check(string html)
    {
        var sentences = DutchText.Sentences(html);
        var findings = new List<PlainLanguageFinding>();
        foreach (var sentence in sentences)
        {
            CheckLength(sentence, findings);
            CheckWords(sentence, findings);
            CheckPassive(sentence, findings);
        }

        CheckTerms(sentences, findings);

        var words = sentences.Sum(sentence => sentence.Words.Count);
        var syllables = sentences.SelectMany(sentence => sentence.Words).Sum(WordSyllables);
        var wordsPerSentence = sentences.Count == 0 ? 0 : (double)words / sentences.Count;
        var syllablesPerWord = words == 0 ? 0 : (double)syllables / words;
        var readingEase = words == 0 ? 0 : 206.835 - 0.93 * wordsPerSentence - 77 * syllablesPerWord;
        var isB1 = readingEase >= rules.MinReadingEase && findings.All(finding => finding.Severity != FindingSeverity.Serious);
        return new PlainLanguageReport(
            findings, sentences.Count, words, Math.Round(wordsPerSentence, 2), Math.Round(syllablesPerWord, 2), Math.Round(readingEase, 1), isB1);
    }

    private void CheckLength(Sentence sentence, List<PlainLanguageFinding> findings)
    {
        if (sentence.Words.Count > rules.MaxWordsPerSentence)
        {
            findings.Add(new PlainLanguageFinding(PlainLanguageFindingKind.LongSentence, FindingSeverity.Serious, sentence.Text,
                $"Deze zin heeft {sentence.Words.Count} woorden. Gebruik hoogstens {rules.MaxWordsPerSentence} woorden: maak er twee zinnen van."));
        }
    }

    private void CheckWords(Sentence sentence, List<PlainLanguageFinding> findings)
    {
        for (var i = 0; i < sentence.Words.Count; i++)
        {
            var word = sentence.Words[i];
            var isName = i > 0 && char.IsUpper(word[0]);
            if (isName || DutchText.IsNumberOrAddress(word) || rules.AllowedLongWords.Contains(word))
            {
                continue;
            }

            foreach (var part in word.Split('-', StringSplitOptions.RemoveEmptyEntries))
            {
                var letters = DutchText.Letters(part);
                var syllables = DutchText.Syllables(part);
                if ((letters > rules.MaxLettersPerWord || syllables > rules.MaxSyllablesPerWord) && !rules.AllowedLongWords.Contains(part))
                {
                    findings.Add(new PlainLanguageFinding(PlainLanguageFindingKind.LongWord, FindingSeverity.Advice, word,
                        $"'{word}' is een lang woord ({letters} letters, ongeveer {syllables} lettergrepen). Kies een korter of bekender woord."));
                }
            }
        }
    }

    private static void CheckPassive(Sentence sentence, List<PlainLanguageFinding> findings)
    {
        var words = sentence.Words.Select(word => word.ToLowerInvariant()).ToList();
        var hasParticiple = words.Any(IsParticiple);
        var withAuxiliary = words.Any(PassiveAuxiliaries.Contains);
        var stateIndex = words.FindIndex(StateAuxiliaries.Contains);
        var withDoor = stateIndex >= 0 && words.Skip(stateIndex + 1).Contains("door");
        if (hasParticiple && (withAuxiliary || withDoor))
        {
            findings.Add(new PlainLanguageFinding(PlainLanguageFindingKind.PassiveVoice, FindingSeverity.Advice, sentence.Text,
                "Deze zin staat in de lijdende vorm. Zeg wie iets doet: 'Wij sturen u een brief' in plaats van 'U wordt een brief gestuurd'."));
        }
    }

    private void CheckTerms(IReadOnlyList<Sentence> sentences, List<PlainLanguageFinding> findings)
    {
        foreach (var term in rules.LegalTerms)
        {
            var uses = Enumerable.Range(0, sentences.Count)
                .Where(i => sentences[i].Text.Contains(term, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (uses.Count > 0 && !uses.Any(i => IsExplained(term, sentences, i)))
            {
                findings.Add(new PlainLanguageFinding(PlainLanguageFindingKind.UnexplainedTerm, FindingSeverity.Serious, sentences[uses[0]].Text,
                    $"'{term}' is een juridisch woord. Leg het uit in dezelfde of de volgende zin, bijvoorbeeld: 'Een {term} is ...' of 'Dat betekent: ...'."));
            }
        }
    }

    private static bool IsExplained(string term, IReadOnlyList<Sentence> sentences, int index)
    {
        var text = sentences[index].Text;
        var afterTerm = text[(text.IndexOf(term, StringComparison.OrdinalIgnoreCase) + term.Length)..];
        if (ExplanationMarker().IsMatch(afterTerm))
        {
            return true;
        }

        return index + 1 < sentences.Count
            && ReferenceBack().IsMatch(sentences[index + 1].Text)
            && ExplanationMarker().IsMatch(sentences[index + 1].Text);
    }

    private static bool IsParticiple(string word)
    {
        if (word.Length < 5 || !(word.EndsWith('d') || word.EndsWith('t') || word.EndsWith("en", StringComparison.Ordinal)))
        {
            return false;
        }

        var stem = SeparablePrefixes.FirstOrDefault(prefix => word.StartsWith(prefix + "ge", StringComparison.Ordinal)) is { } separable
            ? word[separable.Length..]
            : word;
        if (stem.StartsWith("ge", StringComparison.Ordinal) && stem.Length >= 6)
        {
            return true;
        }

        return !word.EndsWith("en", StringComparison.Ordinal)
            && InseparablePrefixes.Any(prefix => word.StartsWith(prefix, StringComparison.Ordinal) && word.Length >= prefix.Length + 4);
    }

    private static int WordSyllables(string word) => DutchText.IsNumberOrAddress(word) ? 1 : DutchText.Syllables(word);

    [GeneratedRegex(@"\b(is|zijn|betekent|betekenen|heet|heten|houdt in|dat wil zeggen)\b|:", RegexOptions.IgnoreCase)]
    private static partial Regex ExplanationMarker();

    [GeneratedRegex(@"^(dat|dit|die|zo'n|zo’n)\b", RegexOptions.IgnoreCase)]
    private static partial Regex ReferenceBack();
}
