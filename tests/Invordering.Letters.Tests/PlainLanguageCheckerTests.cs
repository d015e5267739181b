using Invordering.Letters;
using Xunit.Abstractions;

namespace Invordering.Letters.Tests;

public class PlainLanguageCheckerTests(ITestOutputHelper output)
{
    private const string BadText = """
        <p>Indien de belastingschuldige niet binnen de gestelde termijn aan zijn betalingsverplichting voldoet,
        wordt overgegaan tot invordering bij dwangbevel, waarvoor kosten in rekening worden gebracht.</p>
        <p>Uw auto wordt door de deurwaarder in beslag genomen.</p>
        """;

    private readonly PlainLanguageChecker checker = new();

    public static TheoryData<string, bool> LettersWithAndWithoutOptionalParts
    {
        get
        {
            var data = new TheoryData<string, bool>();
            foreach (var letter in Shipped.Templates.Letters)
            {
                data.Add(letter.Code, true);
                data.Add(letter.Code, false);
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LettersWithAndWithoutOptionalParts))]
    public void Shipped_letter_is_b1_without_serious_findings(string code, bool withOptionalParts)
    {
        var model = withOptionalParts
            ? Shipped.Sample(code)
            : Shipped.Sample(code) with { Contact = null, DebtHelp = null, UpcomingCost = null };
        var html = Shipped.Renderer.Render(code, model).Html;

        var report = checker.Check(html);

        output.WriteLine($"{code}: leesgemak {report.ReadingEase}, {report.AverageWordsPerSentence} woorden per zin, {report.Level}");
        foreach (var finding in report.Findings)
        {
            output.WriteLine($"  {finding.Kind}: {finding.Text}");
        }

        Assert.Empty(report.SeriousFindings);
        Assert.True(report.IsB1);
        Assert.Equal("B1", report.Level);
        Assert.InRange(report.ReadingEase, PlainLanguageRules.Default.MinReadingEase, 120);
        Assert.True(report.SentenceCount >= 15, $"{code} has only {report.SentenceCount} sentences");
    }

    [Fact]
    public void Bad_text_produces_every_kind_of_finding_and_is_not_b1()
    {
        var report = checker.Check(BadText);

        var kinds = report.Findings.Select(finding => finding.Kind).ToHashSet();
        Assert.Equal(Enum.GetValues<PlainLanguageFindingKind>().ToHashSet(), kinds);
        Assert.False(report.IsB1);
        Assert.Equal("hoger dan B1", report.Level);
        Assert.True(report.ReadingEase < PlainLanguageRules.Default.MinReadingEase, $"reading ease {report.ReadingEase}");
    }

    [Fact]
    public void Bad_text_findings_name_the_offending_text_and_explain_in_dutch()
    {
        var findings = checker.Check(BadText).Findings;

        var longSentence = Assert.Single(findings, finding => finding.Kind == PlainLanguageFindingKind.LongSentence);
        Assert.StartsWith("Indien de belastingschuldige", longSentence.Text);
        Assert.Equal(FindingSeverity.Serious, longSentence.Severity);
        Assert.Contains("Deze zin heeft 24 woorden.", longSentence.Explanation);

        var longWords = findings.Where(finding => finding.Kind == PlainLanguageFindingKind.LongWord).Select(finding => finding.Text);
        Assert.Equal(["belastingschuldige", "betalingsverplichting"], longWords);

        var passive = findings.Where(finding => finding.Kind == PlainLanguageFindingKind.PassiveVoice).Select(finding => finding.Text);
        Assert.Equal([longSentence.Text, "Uw auto wordt door de deurwaarder in beslag genomen."], passive);

        var terms = findings.Where(finding => finding.Kind == PlainLanguageFindingKind.UnexplainedTerm).ToList();
        Assert.Equal(3, terms.Count);
        Assert.Contains(terms, finding => finding.Explanation.StartsWith("'dwangbevel' is een juridisch woord.", StringComparison.Ordinal));
        Assert.Contains(terms, finding => finding.Explanation.StartsWith("'beslag' is een juridisch woord.", StringComparison.Ordinal));
        Assert.Contains(terms, finding => finding.Explanation.StartsWith("'deurwaarder' is een juridisch woord.", StringComparison.Ordinal));
    }

    [Fact]
    public void Plain_text_has_no_findings()
    {
        var report = checker.Check("<p>Betaal het bedrag uiterlijk op 26 maart 2026. Doet u dat niet? Dan krijgt u een dwangbevel. Een dwangbevel is een bevel om te betalen.</p>");

        Assert.Empty(report.Findings);
        Assert.True(report.IsB1);
        Assert.Equal(4, report.SentenceCount);
    }

    [Theory]
    [InlineData("U krijgt een aanmaning. Dat is een brief met kosten.", true)]
    [InlineData("Een aanmaning betekent: u moet nu betalen.", true)]
    [InlineData("Wij sturen een aanmaning, dat wil zeggen een brief met kosten.", true)]
    [InlineData("Dat heet betekening: wij geven u de brief zoals de wet vraagt.", true)]
    [InlineData("U krijgt een aanmaning. Wij sturen die snel.", false)]
    [InlineData("Dit is een aanmaning.", false)]
    [InlineData("U krijgt een aanmaning. Betaal op tijd. Een aanmaning is een brief.", true)]
    public void Legal_term_counts_as_explained_in_the_same_or_next_sentence(string text, bool explained)
    {
        var findings = checker.Check($"<p>{text}</p>").Findings;

        Assert.Equal(!explained, findings.Any(finding => finding.Kind == PlainLanguageFindingKind.UnexplainedTerm));
    }

    [Fact]
    public void Names_amounts_and_web_addresses_are_not_long_words()
    {
        var report = checker.Check("<p>Beste K. Yılmaz, betaal € 1.234,56 aan Belastingsamenwerking Rivierenland. Kijk op www.belastingsamenwerking-rivierenland.nl.</p>");

        Assert.Empty(report.Findings);
        Assert.Equal(2, report.SentenceCount);
    }

    [Fact]
    public void Allowed_long_words_are_not_reported_but_others_are()
    {
        var findings = checker.Check("<p>Wij maken een betalingsregeling. Dat is een verantwoordelijkheid.</p>").Findings;

        var finding = Assert.Single(findings);
        Assert.Equal(PlainLanguageFindingKind.LongWord, finding.Kind);
        Assert.Equal("verantwoordelijkheid", finding.Text);
        Assert.Equal(FindingSeverity.Advice, finding.Severity);
    }

    [Theory]
    [InlineData("De brief wordt door ons verstuurd.", true)]
    [InlineData("De kosten worden verhoogd.", true)]
    [InlineData("De brief is door ons verstuurd.", true)]
    [InlineData("Het bedrag werd ingehouden op uw loon.", true)]
    [InlineData("Wij sturen u een brief.", false)]
    [InlineData("Daarom is uw regeling gestopt.", false)]
    public void Passive_voice_is_recognised(string sentence, bool passive)
    {
        var findings = checker.Check($"<p>{sentence}</p>").Findings;

        Assert.Equal(passive, findings.Any(finding => finding.Kind == PlainLanguageFindingKind.PassiveVoice));
    }

    [Theory]
    [InlineData("Wij gaan naar huis.", 1.0)]
    [InlineData("Betalingsregeling.", 6.0)]
    [InlineData("Financiële hulp.", 3.0)]
    [InlineData("Uw geld is op.", 1.0)]
    public void Syllables_are_estimated_from_dutch_vowel_groups(string text, double syllablesPerWord)
    {
        Assert.Equal(syllablesPerWord, checker.Check($"<p>{text}</p>").AverageSyllablesPerWord);
    }

    [Fact]
    public void Reading_ease_follows_flesch_douma()
    {
        var report = checker.Check("<p>Wij gaan naar huis. Het is laat.</p>");

        Assert.Equal(2, report.SentenceCount);
        Assert.Equal(7, report.WordCount);
        Assert.Equal(Math.Round(206.835 - 0.93 * 3.5 - 77 * 1.0, 1), report.ReadingEase);
    }

    [Fact]
    public void Only_running_text_in_main_is_read()
    {
        const string html = """
            <html><head><title>Onroerendezaakbelastingverordening</title><style>p { color: red; }</style></head>
            <body><header><p>De verordening wordt vastgesteld door het algemeen bestuur.</p></header>
            <main><p>Betaal op tijd.</p>
            <table><tr><td>Onroerendezaakbelastingverordening</td></tr></table>
            <dl><dt>Betalingsverplichtingenoverzicht</dt><dd>€ 12,00</dd></dl></main>
            <footer>Invorderingsverordening</footer></body></html>
            """;

        var report = checker.Check(html);

        Assert.Empty(report.Findings);
        Assert.Equal(1, report.SentenceCount);
        Assert.Equal(3, report.WordCount);
    }

    [Fact]
    public void Stricter_rules_report_what_the_defaults_allow()
    {
        var strict = new PlainLanguageChecker(PlainLanguageRules.Default with { MaxWordsPerSentence = 3 });

        var finding = Assert.Single(strict.Check("<p>Betaal het bedrag op tijd.</p>").Findings);

        Assert.Equal(PlainLanguageFindingKind.LongSentence, finding.Kind);
    }
}
