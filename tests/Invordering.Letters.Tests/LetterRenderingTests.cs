using System.Security.Cryptography;
using System.Text;
using Invordering.Letters;

namespace Invordering.Letters.Tests;

public class LetterRenderingTests
{
    private static readonly CostLine DemandCost = new() { Label = "Kosten aanmaning", AmountCents = 1_900 };
    private static readonly CostLine WritCost = new() { Label = "Kosten dwangbevel", AmountCents = 10_900 };

    /// <summary>A letter in one situation: how the sample changes, what the letter must say and must not say.</summary>
    public sealed record Situation(string Code, string Name, Func<LetterModel, LetterModel> Adjust, string[] Says, string[] DoesNotSay)
    {
        public override string ToString() => $"{Code}: {Name}";
    }

    private static readonly Situation[] AllSituations =
    [
        new("herinnering", "zonder kosten, aanmaning aangekondigd",
            m => m with { Costs = [], UpcomingCost = DemandCost },
            ["Betaal € 757,40 uiterlijk op 26 maart 2026.", "Deze brief kost u niets.", "Die kosten zijn € 19,00.", "Een aanmaning is een brief"],
            ["Kosten aanmaning"]),
        new("aanmaning", "vordering boven € 454",
            m => m with { Costs = [DemandCost], UpcomingCost = new CostLine { Label = "Kosten dwangbevel", AmountCents = 4_900 } },
            ["Betaal € 776,40 uiterlijk op 26 maart 2026.", "Kosten aanmaning", "€ 19,00", "De kosten zijn dan minstens € 49,00.",
                "Had u al betaald vóór 12 maart 2026?", "Een dwangbevel is een bevel om te betalen.", "Beslag leggen betekent"],
            []),
        new("aanmaning", "kleine vordering",
            m => m with
            {
                Claims = [new ClaimLine { AssessmentNumber = "2026.0099.0001", TaxKind = "Rioolheffing", TaxYear = 2026, AmountCents = 12_500, OpenAmountCents = 12_500 }],
                Costs = [new CostLine { Label = "Kosten aanmaning", AmountCents = 900 }],
                UpcomingCost = null,
            },
            ["Betaal € 134,00 uiterlijk op 26 maart 2026.", "Rioolheffing", "2026.0099.0001", "€ 9,00"],
            ["Onroerendezaakbelasting", "De kosten zijn dan minstens"]),
        new("dwangbevel", "betalen binnen 2 dagen",
            m => m with { Costs = [DemandCost, WritCost], UpcomingCost = null, PayBy = m.LetterDate.AddDays(2) },
            ["Betaal € 885,40 binnen 2 dagen.", "uiterlijk op 14 maart 2026", "Kosten dwangbevel", "€ 109,00",
                "Dat heet betekening:", "beslagvrije voet", "Een deurwaarder is iemand"],
            ["De volgende stap kost"]),
        new("aankondiging-hernieuwd-bevel", "deurwaarder komt langs",
            m => m with
            {
                Costs = [DemandCost, WritCost],
                UpcomingCost = new CostLine { Label = "Kosten hernieuwd bevel", AmountCents = 1_800 },
                PayBy = m.LetterDate.AddDays(7),
            },
            ["Betaal € 885,40 uiterlijk op 19 maart 2026.", "Een hernieuwd bevel is een nieuw bevel", "De kosten zijn € 18,00."],
            []),
        new("niet-bereikt", "met contactpersoon",
            m => m,
            ["Wij hebben u op 10 maart 2026 gebeld.", "Bel ons uiterlijk op 22 maart 2026.", "Bel Fatima de Vries op 088 555 01 45."],
            []),
        new("niet-bereikt", "zonder contactpersoon",
            m => m with { Contact = null },
            ["Bel ons uiterlijk op 22 maart 2026.", "Bel ons op 088 555 01 23.", "op werkdagen van 9.00 tot 17.00 uur"],
            ["Fatima"]),
        new("huisbezoek-kaart", "kaart achtergelaten",
            m => m,
            ["Wij kwamen op 10 maart 2026 bij u langs.", "Bel ons uiterlijk op 22 maart 2026.", "U moet nog € 776,40 betalen."],
            []),
        new("regeling-bevestiging", "zes termijnen",
            m => m with { PayBy = null },
            ["U betaalt € 776,40 in 6 termijnen.", "12 april 2026", "12 september 2026", "€ 120,00", "€ 176,40",
                "U krijgt dan nog 14 dagen om die termijn te betalen."],
            []),
        new("termijn-gemist", "termijn van 5 maart niet betaald",
            m => m,
            ["Betaal € 120,00 uiterlijk op 26 maart 2026.", "De termijn van 5 maart 2026", "Dat is nu nog € 776,40."],
            []),
        new("regeling-vervallen", "alles in één keer",
            m => m with { UpcomingCost = new CostLine { Label = "Kosten dwangbevel", AmountCents = 4_900 } },
            ["Betaal het hele bedrag van € 776,40 uiterlijk op 26 maart 2026.", "Daarom is uw betalingsregeling gestopt.",
                "Een dwangbevel kost u minstens € 49,00 extra."],
            []),
        new("kwijtschelding-hulp", "hulp aangeboden",
            m => m,
            ["Bel ons uiterlijk op 22 maart 2026.", "Kwijtschelding betekent dat u de belasting niet hoeft te betalen.",
                "Zolang wij uw aanvraag bekijken, hoeft u niet te betalen."],
            []),
        new("schuldhulp-verwijzing", "schuldhulp in de gemeente bekend",
            m => m,
            ["Neem contact op met Schuldhulp Voorbeeldstad. Bel 088 555 07 00 of kijk op www.voorbeeldstad.nl/schulden."],
            ["de schuldhulp van uw gemeente"]),
        new("schuldhulp-verwijzing", "schuldhulp onbekend",
            m => m with { DebtHelp = null },
            ["Neem contact op met de schuldhulp van uw gemeente."],
            ["Schuldhulp Voorbeeldstad"]),
    ];

    public static TheoryData<Situation> Situations => new(AllSituations);

    [Theory]
    [MemberData(nameof(Situations))]
    public void Letter_says_what_its_situation_needs(Situation situation)
    {
        var model = situation.Adjust(Shipped.Sample(situation.Code));

        var text = PlainText(Shipped.Renderer.Render(situation.Code, model).Html);

        Assert.All(situation.Says, expected => Assert.Contains(expected, text));
        Assert.All(situation.DoesNotSay, unexpected => Assert.DoesNotContain(unexpected, text));
    }

    [Fact]
    public void Every_shipped_letter_has_at_least_one_situation()
    {
        var covered = AllSituations.Select(situation => situation.Code).ToHashSet();

        Assert.All(Shipped.Templates.Letters, letter => Assert.Contains(letter.Code, covered));
    }

    [Theory]
    [MemberData(nameof(Shipped.LetterCodes), MemberType = typeof(Shipped))]
    public void Every_letter_has_letterhead_address_date_payment_details_and_objection(string code)
    {
        var letter = Shipped.Renderer.Render(code, Shipped.Sample(code));
        var text = PlainText(letter.Html);

        Assert.StartsWith("<!DOCTYPE html>", letter.Html.TrimStart());
        Assert.Contains("<html lang=\"nl\">", letter.Html);
        Assert.Contains($"<h1>{Shipped.Templates.Letter(code).Title}</h1>", letter.Html);
        Assert.Contains("Belastingen Voorbeeldstad", text);
        Assert.Contains("K. Yılmaz", text);
        Assert.Contains("Dorpsstraat 12 A", text);
        Assert.Contains("1234 AB", text);
        Assert.Contains("Datum 12 maart 2026", text);
        Assert.Contains("Ons kenmerk IZ-2026-004711", text);
        Assert.Contains("Betalingskenmerk 3202 6000 1234 5678", text);
        Assert.Contains("NL91 ABNA 0417 1643 00", text);
        Assert.Contains("Bent u het niet eens met de aanslag? Dan kunt u bezwaar maken.", text);
        Assert.Contains("Bel Fatima de Vries op 088 555 01 45.", text);
        Assert.DoesNotContain("{{", letter.Html);
    }

    [Theory]
    [MemberData(nameof(Shipped.LetterCodes), MemberType = typeof(Shipped))]
    public void Letters_that_require_a_pay_by_date_print_it_in_the_payment_details(string code)
    {
        var requiresPayBy = Shipped.Templates.Letter(code).Requires.Contains("payBy");
        var model = Shipped.Sample(code) with { PayBy = requiresPayBy ? new DateOnly(2026, 4, 3) : null };

        var text = PlainText(Shipped.Renderer.Render(code, model).Html);

        Assert.Equal(requiresPayBy, text.Contains("Uiterlijk op 3 april 2026"));
    }

    [Fact]
    public void Names_are_html_escaped_and_other_scripts_kept()
    {
        var model = Shipped.Sample("aanmaning") with
        {
            Recipient = Shipped.Sample("aanmaning").Recipient with { Name = "O'Brien & Zn <b>" },
            Contact = new ContactInfo { Name = "K. Yılmaz-Øster", Phone = "088 555 01 99" },
        };

        var html = Shipped.Renderer.Render("aanmaning", model).Html;

        Assert.Contains("O&#x27;Brien &amp; Zn &lt;b&gt;", html);
        Assert.DoesNotContain("Zn <b>", html);
        Assert.Contains("K. Yılmaz-Øster", html);
        Assert.Contains("O'Brien & Zn <b>", PlainText(html));
    }

    [Fact]
    public void Rendered_letter_carries_code_version_and_sha256_of_its_html()
    {
        var renderer = new LetterRenderer(TemplateSet.Load(Shipped.Directory, version: 7));

        var letter = renderer.Render("aanmaning", Shipped.Sample("aanmaning"));

        Assert.Equal("aanmaning", letter.LetterCode);
        Assert.Equal(7, letter.TemplateVersion);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(letter.Html))), letter.ContentHash);
        Assert.Matches("^[0-9a-f]{64}$", letter.ContentHash);
    }

    [Fact]
    public void Hash_is_stable_for_the_same_data_and_changes_with_the_data()
    {
        var model = Shipped.Sample("herinnering");
        var otherRenderer = new LetterRenderer(TemplateSet.Load(Shipped.Directory));

        var first = Shipped.Renderer.Render("herinnering", model);
        var again = otherRenderer.Render("herinnering", model);
        var otherAmount = Shipped.Renderer.Render("herinnering", model with { Costs = [] });
        var otherName = Shipped.Renderer.Render("herinnering", model with { Recipient = model.Recipient with { Name = "K. Yilmaz" } });

        Assert.Equal(first.ContentHash, again.ContentHash);
        Assert.NotEqual(first.ContentHash, otherAmount.ContentHash);
        Assert.NotEqual(first.ContentHash, otherName.ContentHash);
    }

    [Fact]
    public void Missing_required_part_is_refused_in_dutch()
    {
        var model = Shipped.Sample("aanmaning") with { PayBy = null, PaymentReference = " " };

        var error = Assert.Throws<ArgumentException>(() => Shipped.Renderer.Render("aanmaning", model));

        Assert.Contains("ontbreken deze gegevens: payBy, paymentReference", error.Message);
    }

    [Fact]
    public void Letter_without_claims_is_refused()
    {
        var model = Shipped.Sample("herinnering") with { Claims = [] };

        var error = Assert.Throws<ArgumentException>(() => Shipped.Renderer.Render("herinnering", model));

        Assert.Contains("ontbreken deze gegevens: claims", error.Message);
    }

    [Fact]
    public void Rendering_from_many_threads_gives_the_same_letters()
    {
        var codes = Shipped.Templates.Letters.Select(letter => letter.Code).ToArray();
        var expected = codes.ToDictionary(code => code, code => Shipped.Renderer.Render(code, Shipped.Sample(code)).ContentHash);
        var hashes = new string[2_000];

        Parallel.For(0, hashes.Length, i => hashes[i] = Shipped.Renderer.Render(codes[i % codes.Length], Shipped.Sample(codes[i % codes.Length])).ContentHash);

        Assert.All(Enumerable.Range(0, hashes.Length), i => Assert.Equal(expected[codes[i % codes.Length]], hashes[i]));
    }

    [Fact]
    public void Unknown_letter_code_is_refused_in_dutch()
    {
        var error = Assert.Throws<ArgumentException>(() => Shipped.Renderer.Render("aanmaninq", Shipped.Sample("aanmaning")));

        Assert.Contains("Onbekende brief 'aanmaninq'", error.Message);
    }

    [Fact]
    public void Renderer_refuses_a_template_set_with_errors()
    {
        var templates = Shipped.Templates;
        var broken = templates.Letters
            .Select(letter => letter.Code == "herinnering" ? letter with { Source = letter.Source + "\n<p>{{recipient.naam}}</p>" } : letter)
            .ToList();

        var error = Assert.Throws<InvalidTemplateException>(() =>
            new LetterRenderer(new TemplateSet(2, templates.Layout, templates.Partials, broken)));

        var only = Assert.Single(error.Errors);
        Assert.Equal("letters/herinnering", only.Template);
        Assert.Contains("recipient.naam", only.Message);
    }

    /// <summary>The visible text of the body, tags removed, entities decoded and whitespace collapsed.</summary>
    private static string PlainText(string html)
    {
        var body = html[html.IndexOf("<body>", StringComparison.Ordinal)..];
        var text = System.Text.RegularExpressions.Regex.Replace(body, "<[^>]+>", " ");
        text = System.Net.WebUtility.HtmlDecode(text);
        text = System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");
        return System.Text.RegularExpressions.Regex.Replace(text, @" ([.,?:])", "$1");
    }
}
