using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Invordering.TestSupport;

namespace Invordering.Tests.Letters;

/// <summary>Letter templates in versions through the HTTP API: drafts are checked when saved, publishing changes new letters only, previews show findings.</summary>
public sealed class TemplateVersionTests : IAsyncLifetime
{
    private static readonly DateOnly LetterDate = new(2026, 5, 15);

    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Saving_a_draft_with_an_unknown_field_or_partial_is_refused_with_the_Dutch_message()
    {
        var (app, client) = await HealthTests.StartAsync(ServiceHostFactory.Configuration(_db, null));
        await using var _ = app;
        var source = await PublishedSourceAsync(client, "herinnering");
        var lines = source.TrimEnd('\n').Split('\n').Length;

        var unknownField = await client.PutAsJsonAsync("/api/templates/herinnering/draft", new { source = source.TrimEnd('\n') + "\n<p>{{recipient.naam}}</p>\n" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownField.StatusCode);
        var error = Assert.Single(await ErrorsAsync(unknownField));
        Assert.Equal("letters/herinnering", error.GetProperty("template").GetString());
        Assert.Equal(lines + 1, error.GetProperty("line").GetInt32());
        Assert.Equal("Onbekend veld 'recipient.naam': 'naam' bestaat niet. Bedoelt u 'name'?", error.GetProperty("message").GetString());

        var unknownPartial = await client.PutAsJsonAsync("/api/templates/herinnering/draft", new { source = source + "{{> voetnoot}}\n" });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, unknownPartial.StatusCode);
        Assert.StartsWith("Onbekend onderdeel (partial) 'voetnoot'. Bestaande onderdelen: ",
            Assert.Single(await ErrorsAsync(unknownPartial)).GetProperty("message").GetString());

        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM letter_templates WHERE status = 'draft'"));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'letter_template'"));
    }

    [Fact]
    public async Task Publishing_makes_new_letters_use_the_new_version_while_stored_letters_keep_theirs()
    {
        var (app, client) = await HealthTests.StartAsync(ServiceHostFactory.Configuration(_db, null));
        await using var _ = app;
        var caseId = await LetterFixtures.CaseAsync(_db);
        var stored = await LetterFixtures.IssueAsync(_db, caseId, "herinnering", LetterDate);
        Assert.Equal(1, stored.TemplateVersion);
        var printedBefore = await Poppler.TextAsync(await client.GetByteArrayAsync($"/api/letters/{stored.Id}/pdf"));

        const string addition = "<p>Wij hebben deze brief korter gemaakt.</p>";
        var source = await PublishedSourceAsync(client, "herinnering");
        var saved = await client.PutAsJsonAsync("/api/templates/herinnering/draft", new { source = source + addition });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        using (var draft = JsonDocument.Parse(await saved.Content.ReadAsStringAsync()))
        {
            Assert.Equal(2, draft.RootElement.GetProperty("version").GetInt32());
            Assert.Equal("draft", draft.RootElement.GetProperty("status").GetString());
        }

        var whileDraft = await LetterFixtures.IssueAsync(_db, caseId, "herinnering", LetterDate);
        Assert.Equal(1, whileDraft.TemplateVersion);
        Assert.DoesNotContain(addition, whileDraft.Html);

        var published = await client.PostAsync("/api/templates/herinnering/publish", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        var afterPublish = await LetterFixtures.IssueAsync(_db, caseId, "herinnering", LetterDate);
        Assert.Equal(2, afterPublish.TemplateVersion);
        Assert.Contains(addition, afterPublish.Html);
        var other = await LetterFixtures.IssueAsync(_db, caseId, "schuldhulp-verwijzing", LetterDate);
        Assert.Equal(1, other.TemplateVersion);

        // The stored letter is as it was: the same HTML and hash, and printed again it reads the same.
        var html = await client.GetStringAsync($"/api/letters/{stored.Id}/html");
        Assert.Equal(stored.ContentHash, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(html))));
        Assert.DoesNotContain(addition, html);
        Assert.Equal(1, await _db.ScalarAsync<int>($"SELECT template_version FROM letters WHERE id = {stored.Id}"));
        Assert.Equal(printedBefore, await Poppler.TextAsync(await client.GetByteArrayAsync($"/api/letters/{stored.Id}/pdf")));

        using var list = JsonDocument.Parse(await client.GetStringAsync("/api/templates"));
        var herinnering = list.RootElement.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "herinnering");
        Assert.Equal(2, herinnering.GetProperty("publishedVersion").GetInt32());
        Assert.Equal(JsonValueKind.Null, herinnering.GetProperty("draftVersion").ValueKind);
        Assert.Equal("retired", await _db.ScalarAsync<string>("SELECT status FROM letter_templates WHERE code = 'herinnering' AND version = 1"));
        Assert.Equal(2, await _db.ScalarAsync<long>(
            "SELECT count(*) FROM audit_log WHERE entity = 'letter_template' AND entity_id = 'herinnering' AND actor LIKE '%@test.invordering.nl' AND action IN ('save-draft', 'publish')"));
    }

    [Fact]
    public async Task A_preview_renders_the_text_on_sample_data_with_its_plain_language_findings_and_saves_nothing()
    {
        var (app, client) = await HealthTests.StartAsync(ServiceHostFactory.Configuration(_db, null));
        await using var _ = app;
        const string longSentence =
            "Als u het bedrag niet op tijd betaalt dan sturen wij u eerst nog een brief en daarna komt er misschien iemand bij u aan de deur.";
        var source = $"<p>Beste {{{{recipient.name}}}},</p>\n<p>Betaal {{{{euro totalCents}}}} uiterlijk op {{{{datum payBy}}}}.</p>\n<p>{longSentence}</p>\n";

        var response = await client.PostAsJsonAsync("/api/templates/aanmaning/preview", new { source });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = body.RootElement;
        Assert.Equal("unsaved", root.GetProperty("status").GetString());
        Assert.Equal(2, root.GetProperty("version").GetInt32());
        Assert.Equal("aanmaning", root.GetProperty("letterCode").GetString());
        var html = root.GetProperty("html").GetString()!;
        Assert.Contains("IZ-2026-004711", html);
        Assert.Contains("Betaal € 776,40 uiterlijk op", WebUtility.HtmlDecode(html));
        var findings = root.GetProperty("plainLanguage").GetProperty("findings").EnumerateArray().ToList();
        var finding = Assert.Single(findings, f => f.GetProperty("kind").GetString() == "LongSentence");
        Assert.Contains("daarna komt er misschien iemand", finding.GetProperty("text").GetString());
        Assert.StartsWith("Deze zin heeft 27 woorden.", finding.GetProperty("explanation").GetString());
        Assert.Equal("hoger dan B1", root.GetProperty("plainLanguage").GetProperty("level").GetString());

        var published = await client.PostAsync("/api/templates/aanmaning/preview", null);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        using var publishedBody = JsonDocument.Parse(await published.Content.ReadAsStringAsync());
        Assert.Equal("published", publishedBody.RootElement.GetProperty("status").GetString());
        Assert.Equal("B1", publishedBody.RootElement.GetProperty("plainLanguage").GetProperty("level").GetString());
        Assert.DoesNotContain(publishedBody.RootElement.GetProperty("plainLanguage").GetProperty("findings").EnumerateArray(),
            f => f.GetProperty("severity").GetString() == "Serious");

        // A partial is shown in a letter that uses it.
        var partial = await client.PostAsJsonAsync("/api/templates/how-to-pay/preview", new { source = "<p class=\"actie\">Betaal met kenmerk {{kenmerk paymentReference}}.</p>" });
        Assert.Equal(HttpStatusCode.OK, partial.StatusCode);
        using var partialBody = JsonDocument.Parse(await partial.Content.ReadAsStringAsync());
        Assert.Contains("Betaal met kenmerk 3202 6000 1234 5678.", partialBody.RootElement.GetProperty("html").GetString());
        var letterCode = partialBody.RootElement.GetProperty("letterCode").GetString();
        Assert.Contains("{{> how-to-pay}}", await _db.ScalarAsync<string>($"SELECT source FROM letter_templates WHERE code = '{letterCode}'"));

        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM letter_templates WHERE status = 'draft'"));
    }

    private static async Task<string> PublishedSourceAsync(HttpClient client, string code)
    {
        using var versions = JsonDocument.Parse(await client.GetStringAsync($"/api/templates/{code}"));
        return versions.RootElement.EnumerateArray().Single(v => v.GetProperty("status").GetString() == "published").GetProperty("source").GetString()!;
    }

    private static async Task<List<JsonElement>> ErrorsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.GetProperty("errors").EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
