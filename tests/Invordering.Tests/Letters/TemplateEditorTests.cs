using System.Net;
using Invordering.Infrastructure.Letters;
using Invordering.TestSupport;
using Invordering.Tests.Web;
using Invordering.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Tests.Letters;

/// <summary>
/// The template editor page (/beheer/sjablonen/{code}) on a real database: a text with an error is refused with the
/// Dutch message and nothing is stored; a valid text is saved as a new draft version with who and when, and once
/// published it is the version the next letters are made with; the live preview shows the plain-language findings.
/// </summary>
public sealed class TemplateEditorTests : IAsyncLifetime
{
    private const string Administrator = "sjabloonbeheer@test.invordering.nl";
    private const string Page = "/beheer/sjablonen/herinnering";
    private static readonly DateOnly LetterDate = new(2026, 5, 15);

    private readonly TestDatabase _db = new();
    private WebApplication _app = null!;
    private PageSession _session = null!;

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        (_app, var client) = await HealthTests.StartAsync(ServiceHostFactory.Configuration(_db, null), signedIn: false);
        client.Dispose();
        await StaffLogins.CreateAsync(_app, Administrator, StaffRoles.Administration);
        string key;
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var admin = (await users.FindByEmailAsync(Administrator))!;
            await users.ResetAuthenticatorKeyAsync(admin);
            key = (await users.GetAuthenticatorKeyAsync(admin))!;
        }
        var address = new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        _session = await PageSession.SignInAsync(address, Administrator, key);
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
        await _app.DisposeAsync();
        await _db.DisposeAsync();
    }

    private Task<string> PublishedSourceAsync() =>
        _db.ScalarAsync<string>("SELECT source FROM letter_templates WHERE code = 'herinnering' AND status = 'published'");

    [Fact]
    public async Task A_template_with_an_error_is_refused_in_Dutch_and_nothing_is_stored()
    {
        var source = await PublishedSourceAsync() + "<p>{{recipient.naam}}</p>\n";

        var response = await _session.PostFormAsync($"{Page}?handler=Opslaan", new() { ["bron"] = source }, Page);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Het sjabloon is niet opgeslagen: het bevat 1 fout.", html);
        Assert.Contains("Onbekend veld 'recipient.naam': 'naam' bestaat niet. Bedoelt u 'name'?", html);
        Assert.Contains("{{recipient.naam}}", html);
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM letter_templates WHERE code = 'herinnering'"));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE entity = 'letter_template'"));
    }

    [Fact]
    public async Task A_saved_version_is_a_draft_until_published_and_then_the_next_letters_use_it()
    {
        const string addition = "<p>Betaalt u al? Dan hoeft u niets te doen.</p>";
        var caseId = await LetterFixtures.CaseAsync(_db);

        var saved = await _session.PostFormAsync($"{Page}?handler=Opslaan", new() { ["bron"] = await PublishedSourceAsync() + addition }, Page);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal($"2 draft {Administrator}", await _db.ScalarAsync<string>(
            "SELECT version || ' ' || status || ' ' || created_by FROM letter_templates WHERE code = 'herinnering' ORDER BY version DESC LIMIT 1"));
        var page = WebUtility.HtmlDecode(await (await _session.GetAsync(Page)).Content.ReadAsStringAsync());
        Assert.Contains("Concept versie 2 is opgeslagen. Nieuwe brieven gebruiken het pas als u het publiceert.", page);
        Assert.Contains($"Er is een concept: versie 2, opgeslagen door {Administrator}", page);
        Assert.Equal(1, (await LetterFixtures.IssueAsync(_db, caseId, "herinnering", LetterDate)).TemplateVersion);

        var published = await _session.PostFormAsync($"{Page}?handler=Publiceren", new(), Page);
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        var next = await LetterFixtures.IssueAsync(_db, caseId, "herinnering", LetterDate);
        Assert.Equal(2, next.TemplateVersion);
        Assert.Contains(addition, next.Html);
        Assert.Equal(2, await _db.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE entity = 'letter_template' AND entity_id = 'herinnering' AND actor = '{Administrator}' AND action IN ('save-draft', 'publish')"));
    }

    [Fact]
    public async Task The_live_preview_renders_the_text_on_sample_data_with_its_findings_and_stores_nothing()
    {
        const string longSentence =
            "Als u het bedrag niet op tijd betaalt dan sturen wij u eerst nog een brief en daarna komt er misschien iemand bij u aan de deur.";
        var request = new HttpRequestMessage(HttpMethod.Post, $"{Page}?handler=Voorbeeld");
        var form = await (await _session.GetAsync(Page)).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        request.Headers.Add("HX-Request", "true");
        request.Content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["bron"] = $"<p>Beste {{{{recipient.name}}}},</p>\n<p>{longSentence}</p>\n", ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
        });

        var response = await _session.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.StartsWith("<section id=\"voorbeeld\"", html.TrimStart());
        Assert.Contains("versie 2 (niet opgeslagen)", html);
        Assert.Contains("Beste K. Yılmaz", html);
        Assert.Contains("Niveau: <strong>hoger dan B1</strong>", html);
        Assert.Contains("Deze zin heeft 27 woorden.", html);
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM letter_templates WHERE code = 'herinnering'"));
    }
}
