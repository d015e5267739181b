namespace Invordering.Letters;

/// <summary>The kinds of problem the plain-language check reports.</summary>
public enum PlainLanguageFindingKind
{
    /// <summary>A sentence with too many words.</summary>
    LongSentence,

    /// <summary>A word with too many letters or syllables.</summary>
    LongWord,

    /// <summary>A sentence in the passive voice (lijdende vorm).</summary>
    PassiveVoice,

    /// <summary>A legal term used without an explanation nearby.</summary>
    UnexplainedTerm,
}

/// <summary>How much a finding matters: serious findings keep a letter from B1.</summary>
public enum FindingSeverity
{
    /// <summary>Worth improving; does not block.</summary>
    Advice,

    /// <summary>Must be fixed before the letter counts as B1.</summary>
    Serious,
}

/// <summary>One problem: its kind, how serious it is, the sentence or word concerned and a Dutch explanation.</summary>
public sealed record PlainLanguageFinding(PlainLanguageFindingKind Kind, FindingSeverity Severity, string Text, string Explanation);

/// <summary>The result of a plain-language check: findings, counts, the Flesch-Douma reading ease and whether it is B1.</summary>
public sealed record PlainLanguageReport(
    IReadOnlyList<PlainLanguageFinding> Findings,
    int SentenceCount,
    int WordCount,
    double AverageWordsPerSentence,
    double AverageSyllablesPerWord,
    double ReadingEase,
    bool IsB1)
{
    /// <summary>The findings that keep the text from B1.</summary>
    public IEnumerable<PlainLanguageFinding> SeriousFindings => Findings.Where(finding => finding.Severity == FindingSeverity.Serious);

    /// <summary>The level in Dutch: "B1" or "hoger dan B1".</summary>
    public string Level => IsB1 ? "B1" : "hoger dan B1";
}
