namespace Invordering.Letters;

/// <summary>The limits and word lists the plain-language check uses; <see cref="Default"/> fits Dutch letters at B1.</summary>
public sealed record PlainLanguageRules
{
    /// <summary>Rules for B1 letters: at most 20 words a sentence, words up to 15 letters and 4 syllables, reading ease 60 or more.</summary>
    public static PlainLanguageRules Default { get; } = new();

    /// <summary>A sentence with more words than this is too long.</summary>
    public int MaxWordsPerSentence { get; init; } = 20;

    /// <summary>A word with more letters than this is long.</summary>
    public int MaxLettersPerWord { get; init; } = 15;

    /// <summary>A word with more syllables than this is long.</summary>
    public int MaxSyllablesPerWord { get; init; } = 4;

    /// <summary>The lowest Flesch-Douma reading ease that still counts as B1.</summary>
    public double MinReadingEase { get; init; } = 60;

    /// <summary>Long words a tax letter cannot avoid (lower case); they are never reported as long.</summary>
    public IReadOnlySet<string> AllowedLongWords { get; init; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "betalingsregeling", "betalingsregelingen", "betalingskenmerk", "rekeningnummer", "schuldhulpverlening",
        "belastingdeurwaarder", "onroerendezaakbelasting", "afvalstoffenheffing", "watersysteemheffing",
        "zuiveringsheffing", "precariobelasting", "toeristenbelasting", "forensenbelasting", "invorderingsrente",
        "bankafschriften", "hulpverlener", "beslagvrije",
    };

    /// <summary>Legal terms a reader needs explained where the letter uses them (lower case).</summary>
    public IReadOnlyList<string> LegalTerms { get; init; } =
    [
        "dwangbevel", "beslag", "aanmaning", "hernieuwd bevel", "betekening", "invorderingsrente",
        "kwijtschelding", "deurwaarder", "verjaring",
    ];
}
