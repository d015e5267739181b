using Invordering.Letters;

namespace Invordering.Letters.Tests;

public sealed class TemplateSetTests : IDisposable
{
    private readonly string directory = Path.Combine(Path.GetTempPath(), "letters-" + Guid.NewGuid().ToString("N"));

    public TemplateSetTests()
    {
        Directory.CreateDirectory(Path.Combine(directory, "partials"));
        Directory.CreateDirectory(Path.Combine(directory, "letters"));
        File.WriteAllText(Path.Combine(directory, "layout.hbs"), "<html lang=\"nl\"><main>{{> @partial-block}}</main></html>");
        File.WriteAllText(Path.Combine(directory, "partials", "groet.hbs"), "<p>Groet, {{organisation.name}}</p>");
        File.WriteAllText(Path.Combine(directory, "letters", "kort.hbs"), "<p>Beste {{recipient.name}}, betaal {{euro totalCents}}.</p>{{> groet}}");
        WriteCatalogue("""{ "code": "kort", "title": "Korte brief", "model": "LetterModel", "requires": ["paymentReference"] }""");
    }

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Fact]
    public void Shipped_catalogue_lists_every_letter_with_a_dutch_title_and_its_model()
    {
        string[] expected =
        [
            "herinnering", "aanmaning", "dwangbevel", "aankondiging-hernieuwd-bevel", "niet-bereikt", "huisbezoek-kaart",
            "regeling-bevestiging", "termijn-gemist", "regeling-vervallen", "kwijtschelding-hulp", "schuldhulp-verwijzing",
        ];

        Assert.Equal(expected, Shipped.Templates.Letters.Select(letter => letter.Code));
        Assert.All(Shipped.Templates.Letters, letter =>
        {
            Assert.False(string.IsNullOrWhiteSpace(letter.Title));
            Assert.Equal(nameof(LetterModel), letter.Model);
            Assert.Contains("paymentReference", letter.Requires);
        });
        Assert.Equal(1, Shipped.Templates.Version);
    }

    [Fact]
    public void Loads_layout_partials_and_letters_from_a_directory()
    {
        var set = TemplateSet.Load(directory, version: 3);
        var model = LetterSamples.Complete(new DateOnly(2026, 3, 12));

        var letter = new LetterRenderer(set).Render("kort", model);

        Assert.Equal(3, letter.TemplateVersion);
        Assert.Equal("<html lang=\"nl\"><main><p>Beste K. Yılmaz, betaal € 776,40.</p><p>Groet, Belastingen Voorbeeldstad</p></main></html>", letter.Html);
    }

    [Fact]
    public void Letter_file_missing_from_the_catalogue_is_refused()
    {
        File.WriteAllText(Path.Combine(directory, "letters", "extra.hbs"), "<p>x</p>");

        var error = Assert.Throws<InvalidTemplateException>(() => TemplateSet.Load(directory));

        Assert.Contains("Deze brieven staan niet in letters.json: extra.", error.Message);
    }

    [Fact]
    public void Catalogue_entry_without_its_file_is_refused()
    {
        WriteCatalogue("""{ "code": "kort", "title": "Kort", "model": "LetterModel" }, { "code": "weg", "title": "Weg", "model": "LetterModel" }""");

        var error = Assert.Throws<InvalidTemplateException>(() => TemplateSet.Load(directory));

        Assert.Contains("weg.hbs", error.Message);
    }

    [Theory]
    [InlineData("""{ "code": "kort", "title": "Kort", "model": "BriefModel" }""", "het onbekende model 'BriefModel'")]
    [InlineData("""{ "code": "kort", "title": "Kort", "model": "LetterModel", "requires": ["betaalDatum"] }""", "het onbekende veld 'betaalDatum'")]
    [InlineData("""{ "code": "kort", "title": "Kort", "model": "LetterModel" }, { "code": "kort", "title": "Kort", "model": "LetterModel" }""", "twee keer")]
    [InlineData("""{ "code": "kort", "model": "LetterModel" }""", "mist bij een brief de code, de titel of het model")]
    public void Invalid_catalogue_is_refused_in_dutch(string entries, string expected)
    {
        WriteCatalogue(entries);

        var error = Assert.Throws<InvalidTemplateException>(() => TemplateSet.Load(directory));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Partial_may_not_take_the_layout_name()
    {
        File.WriteAllText(Path.Combine(directory, "partials", "layout.hbs"), "<p>x</p>");

        var error = Assert.Throws<InvalidTemplateException>(() => TemplateSet.Load(directory));

        Assert.Contains("mag niet 'layout' heten", error.Message);
    }

    [Fact]
    public void Missing_layout_is_refused()
    {
        File.Delete(Path.Combine(directory, "layout.hbs"));

        var error = Assert.Throws<InvalidTemplateException>(() => TemplateSet.Load(directory));

        Assert.Contains("layout.hbs", error.Message);
    }

    private void WriteCatalogue(string entries) =>
        File.WriteAllText(Path.Combine(directory, TemplateSet.CatalogueFileName), $$"""{ "letters": [ {{entries}} ] }""");
}
