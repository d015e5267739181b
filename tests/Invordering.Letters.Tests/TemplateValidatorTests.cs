using Invordering.Letters;

namespace Invordering.Letters.Tests;

public class TemplateValidatorTests
{
    private readonly TemplateValidator validator = new(["address-block", "help"]);

    private IReadOnlyList<TemplateError> Validate(string source) => validator.Validate("test", source, typeof(LetterModel));

    [Fact]
    public void Shipped_templates_have_no_errors()
    {
        Assert.Empty(Shipped.Templates.Validate());
    }

    [Fact]
    public void Valid_template_using_blocks_helpers_and_partials_has_no_errors()
    {
        const string source = """
            {{!-- een opmerking met {{onzin}} erin --}}
            <p>Beste {{recipient.name}}, betaal {{euro totalCents}} uiterlijk op {{datum payBy}}.</p>
            {{#if contact}}Bel {{contact.name}}{{else}}Bel ons{{/if}}
            {{#each claims}}{{assessmentNumber}} {{taxYear}} {{euro openAmountCents}} {{@index}} {{../caseReference}} {{@root.subject}}{{else}}{{caseReference}}{{/each}}
            {{#with paymentPlan}}{{instalmentCount}}{{#each instalments}}{{datum dueDate}}{{/each}}{{/with}}
            {{#unless debtHelp}}geen{{/unless}}{{#each organisation.addressLines}}{{this}}{{/each}}
            {{~> address-block ~}}
            {{kenmerk paymentReference}} {{iban organisation.iban}}
            """;

        Assert.Empty(Validate(source));
    }

    [Fact]
    public void Typo_in_a_field_is_an_error_with_line_column_and_suggestion()
    {
        var error = Assert.Single(Validate("<p>Beste\n  {{recipient.naam}},</p>"));

        Assert.Equal("test", error.Template);
        Assert.Equal(2, error.Line);
        Assert.Equal(3, error.Column);
        Assert.Equal("Onbekend veld 'recipient.naam': 'naam' bestaat niet. Bedoelt u 'name'?", error.Message);
    }

    [Theory]
    [InlineData("{{naam}}", "'naam' bestaat niet")]
    [InlineData("{{Recipient.Name}}", "Bedoelt u 'recipient'?")]
    [InlineData("{{euro totaalCents}}", "'totaalCents' bestaat niet")]
    [InlineData("{{#if kontakt}}x{{/if}}", "'kontakt' bestaat niet")]
    [InlineData("{{#each claims}}{{recipient.name}}{{/each}}", "'recipient' bestaat niet")]
    [InlineData("{{#each claims}}{{/each}}{{taxKind}}", "'taxKind' bestaat niet")]
    [InlineData("{{#with contact}}{{name}}{{/with}}{{phone}}", "'phone' bestaat niet")]
    [InlineData("{{recipient.name.first}}", "'recipient.name' is een enkele waarde")]
    [InlineData("{{claims.taxKind}}", "'claims' is een lijst")]
    public void Unknown_field_is_an_error(string source, string expected)
    {
        var error = Assert.Single(Validate(source));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Unknown_partial_is_an_error_listing_the_known_ones()
    {
        var error = Assert.Single(Validate("<p>x</p>\n{{> adresblok}}"));

        Assert.Equal(2, error.Line);
        Assert.Equal("Onbekend onderdeel (partial) 'adresblok'. Bestaande onderdelen: address-block, help.", error.Message);
    }

    [Theory]
    [InlineData("{{bedrag totalCents}}", "Onbekende helper 'bedrag'.")]
    [InlineData("{{#foreach claims}}x{{/foreach}}", "Onbekende helper 'foreach'.")]
    [InlineData("{{lookup claims 0}}", "Onbekende helper 'lookup'.")]
    public void Unknown_helper_is_an_error(string source, string expected)
    {
        var error = Assert.Single(Validate(source));

        Assert.StartsWith(expected, error.Message);
    }

    [Theory]
    [InlineData("{{datum totalCents}}", "Helper 'datum' verwacht een datum, maar 'totalCents' is dat niet.")]
    [InlineData("{{euro payBy}}", "Helper 'euro' verwacht een bedrag in centen, maar 'payBy' is dat niet.")]
    [InlineData("{{euro}}", "Helper 'euro' verwacht precies één veld")]
    [InlineData("{{euro 100}}", "Helper 'euro' verwacht een veld uit de brief, geen vaste waarde.")]
    [InlineData("{{payBy}}", "'payBy' is een datum. Schrijf '{{datum payBy}}'.")]
    [InlineData("{{totalCents}}", "'totalCents' is een bedrag in centen. Schrijf '{{euro totalCents}}'.")]
    [InlineData("{{recipient}}", "'recipient' is een groep gegevens en geen tekst.")]
    [InlineData("{{claims}}", "'claims' is een lijst.")]
    [InlineData("{{#each recipient}}x{{/each}}", "'#each' verwacht een lijst, maar 'recipient' is geen lijst.")]
    [InlineData("{{#with payBy}}x{{/with}}", "'#with' verwacht een groep gegevens")]
    [InlineData("{{{recipient.name}}}", "Gebruik '{{ }}' en niet '{{{ }}}'")]
    [InlineData("{{& recipient.name}}", "Gebruik '{{ }}' en niet '{{{ }}}'")]
    [InlineData("{{@index}}", "'@index' werkt alleen binnen '{{#each}}'.")]
    [InlineData("{{../subject}}", "gaat verder terug dan de brief zelf")]
    [InlineData("{{#each claims}}{{> help}}{{/each}}", "Onderdeel 'help' staat binnen '#each' of '#with'.")]
    [InlineData("{{> help recipient}}", "Geef geen waarden mee aan onderdeel 'help'")]
    [InlineData("{{> @partial-block}}", "mag alleen in de opmaak (layout)")]
    [InlineData("{{else}}", "'{{else}}' staat buiten een blok.")]
    public void Misuse_is_an_error_with_a_dutch_explanation(string source, string expected)
    {
        var error = Assert.Single(Validate(source));

        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Unclosed_block_is_reported_at_its_opening_line()
    {
        var error = Assert.Single(Validate("<p>\n{{#if payBy}}\n{{datum payBy}}</p>"));

        Assert.Equal(2, error.Line);
        Assert.Contains("'{{#if}}' is niet afgesloten", error.Message);
    }

    [Fact]
    public void Wrongly_nested_close_is_reported()
    {
        var errors = Validate("{{#if payBy}}{{#each claims}}{{/if}}{{/each}}");

        Assert.Contains(errors, error => error.Message.Contains("'{{/if}}' staat op de verkeerde plek: eerst moet '{{/each}}' komen."));
        Assert.Contains(errors, error => error.Message.Contains("'{{/each}}' sluit geen open blok af."));
    }

    [Fact]
    public void Unclosed_mustache_is_reported()
    {
        var error = Assert.Single(Validate("<p>{{recipient.name</p>"));

        Assert.Equal("'{{' zonder '}}'.", error.Message);
    }

    [Fact]
    public void Every_problem_in_a_template_is_reported_in_order()
    {
        var errors = Validate("{{naam}}\n{{> adres}}\n{{bedrag totalCents}}");

        Assert.Equal([1, 2, 3], errors.Select(error => error.Line));
    }

    [Fact]
    public void Layout_must_contain_the_letter_exactly_once()
    {
        Assert.Empty(validator.ValidateLayout("layout", "<main>{{> @partial-block}}</main>", typeof(LetterModel)));
        var none = Assert.Single(validator.ValidateLayout("layout", "<main></main>", typeof(LetterModel)));
        Assert.Contains("precies één keer '{{> @partial-block}}'", none.Message);
        Assert.Single(validator.ValidateLayout("layout", "{{> @partial-block}}{{> @partial-block}}", typeof(LetterModel)));
    }

    [Fact]
    public void Error_reads_as_one_dutch_line()
    {
        var error = Assert.Single(Validate("{{naam}}"));

        Assert.StartsWith("test, regel 1, kolom 1: Onbekend veld 'naam'", error.ToString());
    }
}
