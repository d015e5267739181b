using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using W = Invordering.Tests.Web.WebWorld;

namespace Invordering.Tests.Web;

/// <summary>
/// Every page and endpoint against every role and no one: what a role may open answers, the rest is 401 or 403
/// (pages send anonymous visitors to sign in), and every allowed look at a person's data leaves an audit row.
/// </summary>
public sealed class AccessMatrixTests(W world) : IClassFixture<W>
{
    private const string Anonymous = "(anoniem)";
    private static readonly string[] Everyone = [Anonymous, W.Staff, W.FieldWorker, W.OtherFieldWorker, W.Administrator, W.Auditor];

    /// <summary>A page or endpoint, who may open it, and whether it shows a person's data (and so must be audited).</summary>
    private sealed record Entry(string Method, string Path, string[] Allowed, bool PersonalData, int Answer = 200)
    {
        /// <summary>For a page's form handler: the fields posted (with the session's anti-forgery token); chosen so that nothing changes.</summary>
        public Dictionary<string, string>? Form { get; init; }

        /// <summary>For an API change: the JSON body sent; chosen so that nothing changes (a missing reason, an unknown id).</summary>
        public object? Json { get; init; }
    }

    private IReadOnlyList<Entry> Entries() =>
    [
        new("GET", "/", [W.Staff, W.FieldWorker, W.OtherFieldWorker, W.Administrator, W.Auditor], false),
        new("GET", "/account/tweestapsverificatie", [W.Staff, W.FieldWorker, W.OtherFieldWorker, W.Administrator, W.Auditor], false),
        new("GET", "/zaken", [W.Staff], false),
        new("GET", $"/zaken/{world.HomeVisitCaseId}", [W.Staff, W.FieldWorker], true),
        new("GET", $"/zaken/{world.OtherCaseId}", [W.Staff], true),
        new("GET", "/werkvoorraad", [W.Staff], true),
        new("GET", "/dashboard", [W.Staff], false),
        new("GET", "/dashboard/servicenormen", [W.Staff], false),
        // The case page's and work queue's actions, posted with a missing reason or an unknown id: allowed roles get the page back with the reason.
        new("POST", $"/zaken/{world.HomeVisitCaseId}?handler=Bezwaar", [W.Staff], false) { Form = new() { ["reden"] = "" } },
        new("POST", $"/zaken/{world.HomeVisitCaseId}?handler=UitstelEinde", [W.Staff], false) { Form = new() { ["reden"] = "" } },
        new("POST", $"/zaken/{world.HomeVisitCaseId}?handler=Oninbaar", [W.Staff], false) { Form = new() { ["reden"] = "" } },
        new("POST", "/werkvoorraad?handler=Opnieuw", [W.Staff], false) { Form = new() { ["soort"] = "workflow", ["id"] = "0" } },
        new("POST", "/werkvoorraad?handler=Koppel", [W.Staff], false) { Form = new() { ["betaling"] = "0", ["aanslag"] = "" } },
        new("GET", "/buitendienst", [W.FieldWorker, W.OtherFieldWorker], true),
        new("GET", $"/taken/{world.HomeVisitTaskId}", [W.Staff, W.FieldWorker], true),
        new("GET", "/audit", [W.Auditor], true),
        new("GET", $"/api/cases/{world.HomeVisitCaseId}", [W.Staff, W.FieldWorker], true),
        new("GET", $"/api/cases/{world.OtherCaseId}", [W.Staff], true),
        new("GET", $"/api/letters/{world.LetterId}/html", [W.Staff, W.FieldWorker], true),
        new("GET", $"/api/imports/{world.BatchId}", [W.Staff], true),
        new("GET", $"/api/imports/{world.BatchId}/rejections.csv", [W.Staff], true),
        new("GET", $"/api/imports/lopend/{Guid.Empty}", [W.Staff], false, Answer: 404),
        new("GET", $"/api/debtors/{world.DebtorId}/segment", [W.Staff], true),
        new("GET", "/api/print-runs/999999", [W.Staff], false, Answer: 404),
        new("GET", "/api/templates", [W.Administrator], false),
        new("GET", "/beheer/simulatie?workflow=kan-en-wil&versie=1", [W.Administrator], false),
        // An unknown workflow: the administrator gets the page back with the reason, nothing is simulated.
        new("POST", "/beheer/simulatie", [W.Administrator], false) { Form = new() { ["workflow"] = "bestaat-niet", ["debiteuren"] = "10", ["dagen"] = "10" } },
        new("POST", "/api/segmentation/run", [W.Staff, W.Administrator], false, Answer: 0),
        // The staff pages' capabilities under /api: search, the case actions, field work, work queues and dashboards.
        new("POST", "/api/cases/search", [W.Staff], true) { Json = new { query = "2026100000" } },
        new("POST", $"/api/cases/{world.HomeVisitCaseId}/payment-plan", [W.Staff], false, Answer: 422) { Json = new { terms = 3 } },
        new("POST", "/api/cases/999999/remission-request", [W.Staff], false, Answer: 404),
        new("POST", $"/api/cases/{world.HomeVisitCaseId}/remission-decision", [W.Staff], false, Answer: 422) { Json = new { decision = "" } },
        new("POST", $"/api/cases/{world.HomeVisitCaseId}/objection", [W.Staff], false, Answer: 422) { Json = new { reason = "" } },
        new("POST", $"/api/cases/{world.HomeVisitCaseId}/objection/end", [W.Staff], false, Answer: 422) { Json = new { reason = "" } },
        new("POST", $"/api/cases/{world.HomeVisitCaseId}/pause", [W.Staff], false, Answer: 422) { Json = new { reason = "" } },
        new("POST", $"/api/cases/{world.HomeVisitCaseId}/resume", [W.Staff], false, Answer: 422) { Json = new { reason = "" } },
        new("POST", $"/api/cases/{world.HomeVisitCaseId}/notes", [W.Staff], false, Answer: 422) { Json = new { text = "" } },
        new("POST", $"/api/cases/{world.HomeVisitCaseId}/write-off", [W.Staff], false, Answer: 422) { Json = new { reason = "" } },
        new("GET", "/api/tasks/mine", [W.FieldWorker, W.OtherFieldWorker], true),
        new("GET", $"/api/tasks/{world.HomeVisitTaskId}", [W.Staff, W.FieldWorker], true),
        new("POST", "/api/tasks/0/take-on", [W.FieldWorker, W.OtherFieldWorker], false, Answer: 422),
        new("POST", $"/api/tasks/{world.HomeVisitTaskId}/outcome", [W.Staff, W.FieldWorker], false, Answer: 422) { Json = new { outcome = "" } },
        new("GET", "/api/work-queues", [W.Staff], true),
        new("POST", "/api/work-queues/incidents/workflow/0/retry", [W.Staff], false, Answer: 422),
        new("POST", "/api/work-queues/incidents/workflow/0/skip", [W.Staff], false, Answer: 422) { Json = new { reason = "" } },
        new("POST", "/api/work-queues/payments/0/link", [W.Staff], false, Answer: 422) { Json = new { assessment = "" } },
        new("GET", "/api/dashboard/funnel", [W.Staff], false),
        new("GET", "/api/dashboard/service-norms", [W.Staff], false),
        new("GET", "/api/audit-log?actor=" + W.Staff, [W.Auditor], true),
        // The administrators' screens: the workflow editor, its checks and changes (posted so that nothing changes: a missing file,
        // a step of an unknown type, JSON that does not load, publishing a published version, retiring a segment's only version).
        new("GET", "/beheer", [W.Administrator], false),
        new("GET", "/beheer/workflows", [W.Administrator], false),
        new("GET", "/beheer/workflows/kan-en-wil/1", [W.Administrator], false),
        new("GET", "/beheer/workflows/kan-en-wil/1?handler=Exporteer", [W.Administrator], false),
        new("GET", "/beheer/workflows/kan-en-wil/vergelijk?van=1&naar=1", [W.Administrator], false),
        new("GET", "/beheer/workflows/kan-en-wil/overzetten", [W.Administrator], false),
        new("POST", "/beheer/workflows?handler=Importeer", [W.Administrator], false) { Form = new() { ["bestand"] = "" } },
        new("POST", "/beheer/workflows/kan-en-wil/1?handler=Controleer", [W.Administrator], false) { Form = new() { ["json"] = "{" } },
        new("POST", "/beheer/workflows/kan-en-wil/1?handler=ControleerStap", [W.Administrator], false) { Form = new() { ["stapId"] = "herinnering", ["type"] = "letter" } },
        new("POST", "/beheer/workflows/kan-en-wil/1?handler=StapVelden", [W.Administrator], false) { Form = new() { ["stapId"] = "herinnering", ["type"] = "wait" } },
        new("POST", "/beheer/workflows/kan-en-wil/1?handler=Stap", [W.Administrator], false) { Form = new() { ["stapId"] = "herinnering", ["type"] = "onbekend" } },
        new("POST", "/beheer/workflows/kan-en-wil/1?handler=StapToevoegen", [W.Administrator], false) { Form = new() { ["nieuweStap"] = "", ["type"] = "wait" } },
        new("POST", "/beheer/workflows/kan-en-wil/1?handler=StapVerwijderen", [W.Administrator], false) { Form = new() { ["stapId"] = "bestaat-niet" } },
        new("POST", "/beheer/workflows/kan-en-wil/1?handler=Json", [W.Administrator], false) { Form = new() { ["json"] = "{" } },
        new("POST", "/beheer/workflows/kan-en-wil/1?handler=Publiceer", [W.Administrator], false) { Form = new() { ["x"] = "" } },
        new("POST", "/beheer/workflows/kan-niet/1?handler=Intrekken", [W.Administrator], false) { Form = new() { ["x"] = "" } },
        new("POST", "/beheer/workflows/kan-en-wil/overzetten?handler=Proefrun", [W.Administrator], false) { Form = new() { ["van"] = "", ["naar"] = "1" } },
        new("POST", "/beheer/workflows/kan-en-wil/overzetten?handler=Uitvoeren", [W.Administrator], false) { Form = new() { ["van"] = "", ["naar"] = "1" } },
        // The administrator's editors: templates, segmentation rules and tariffs; their forms posted empty or with an unknown version change nothing.
        new("GET", "/beheer/sjablonen", [W.Administrator], false),
        new("GET", "/beheer/sjablonen/herinnering", [W.Administrator], false),
        new("POST", "/beheer/sjablonen/herinnering?handler=Voorbeeld", [W.Administrator], false) { Form = new() { ["bron"] = "" } },
        new("POST", "/beheer/sjablonen/herinnering?handler=Opslaan", [W.Administrator], false) { Form = new() { ["bron"] = "" } },
        new("POST", "/beheer/sjablonen/herinnering?handler=Publiceren", [W.Administrator], false) { Form = new() },
        new("GET", "/beheer/regels", [W.Administrator], false),
        new("POST", "/beheer/regels?handler=Effect", [W.Administrator], false) { Form = new() { ["json"] = "" } },
        new("POST", "/beheer/regels?handler=Opslaan", [W.Administrator], false) { Form = new() { ["json"] = "" } },
        new("POST", "/beheer/regels?handler=Publiceren", [W.Administrator], false) { Form = new() { ["versie"] = "0" } },
        new("GET", "/beheer/tarieven", [W.Administrator], false),
        new("POST", "/beheer/tarieven?handler=Toevoegen", [W.Administrator], false) { Form = new() { ["ValidFrom"] = "" } },
        new("POST", "/beheer/tarieven?handler=Intrekken", [W.Administrator], false) { Form = new() { ["ingang"] = "2024-01-01" } },
        new("GET", "/health", Everyone, false),
        new("GET", "/openapi/v1.json", Everyone, false),
    ];

    [Fact]
    public async Task Each_role_opens_what_it_may_and_is_refused_the_rest_and_reads_of_personal_data_are_audited()
    {
        await world.AssignHomeVisitAsync(W.FieldWorker);
        var problems = new List<string>();
        foreach (var who in Everyone)
        {
            using var pages = who == Anonymous ? new PageSession(world.Address)
                : await PageSession.SignInAsync(world.Address, who, who == W.Administrator ? world.AdministratorKey : null);
            using var api = new HttpClient { BaseAddress = world.Address };
            if (who != Anonymous)
                api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffLogins.TokenAsync(world.App, who));

            var csrf = who == Anonymous ? null : System.Text.RegularExpressions.Regex.Match(
                await (await pages.GetAsync("/")).Content.ReadAsStringAsync(), "\"X-CSRF-TOKEN\": \"([^\"]+)\"").Groups[1].Value;
            foreach (var entry in Entries())
            {
                var isApi = entry.Path.StartsWith("/api/", StringComparison.Ordinal);
                // The audit log keeps the path without its query (a searched BSN never lands in it).
                var source = entry.Path.Split('?')[0];
                var auditBefore = await world.AuditRowsAsync(who, source);
                // The API is called with a bearer token, the pages with the session cookie; the case API also with the cookie.
                var response = isApi
                    ? await api.SendAsync(new HttpRequestMessage(new HttpMethod(entry.Method), entry.Path)
                        { Content = entry.Json is null ? null : JsonContent.Create(entry.Json) })
                    : await pages.SendAsync(PageRequest(entry, csrf));
                var status = (int)response.StatusCode;
                var allowed = entry.Allowed.Contains(who);
                var label = $"{who} {entry.Method} {entry.Path}: {status}";
                if (allowed)
                {
                    if (status is 401 or 403 || status == 302 && response.Headers.Location!.OriginalString.Contains("/account/aanmelden") || status >= 500)
                        problems.Add(label + " (should be allowed)");
                    else if (entry.Answer != 0 && status != entry.Answer)
                        problems.Add(label + $" (should answer {entry.Answer})");
                    else if (entry.PersonalData && status == 200 && await world.AuditRowsAsync(who, source) <= auditBefore)
                        problems.Add(label + " (no audit row)");
                }
                else if (who == Anonymous && !isApi)
                {
                    if (status != 302 || !response.Headers.Location!.OriginalString.Contains("/account/aanmelden?ReturnUrl="))
                        problems.Add(label + " (anonymous should be sent to sign in)");
                }
                else if (status != (who == Anonymous ? 401 : 403))
                    problems.Add(label + $" (should be {(who == Anonymous ? 401 : 403)})");
            }
        }
        Assert.Empty(problems);
    }

    private static HttpRequestMessage PageRequest(Entry entry, string? csrf)
    {
        var request = new HttpRequestMessage(new HttpMethod(entry.Method), entry.Path);
        if (entry.Form is null) return request;
        request.Content = new FormUrlEncodedContent(entry.Form);
        if (csrf is not null) request.Headers.Add("X-CSRF-TOKEN", System.Net.WebUtility.HtmlDecode(csrf));
        return request;
    }

    [Fact]
    public async Task The_case_api_accepts_the_session_cookie_too()
    {
        await world.AssignHomeVisitAsync(W.FieldWorker);
        using var session = await PageSession.SignInAsync(world.Address, W.FieldWorker);
        var response = await session.GetAsync($"/api/cases/{world.HomeVisitCaseId}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await session.GetAsync($"/api/cases/{world.OtherCaseId}")).StatusCode);
        Assert.True(await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE actor = '{W.FieldWorker}' AND action = 'denied' AND entity_id = '{world.OtherCaseId}'") >= 1);
    }

    [Fact]
    public async Task A_change_through_the_api_with_the_session_cookie_needs_the_pages_anti_forgery_token()
    {
        using var session = await PageSession.SignInAsync(world.Address, W.Staff);
        var without = await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/segmentation/run"));
        Assert.Equal(HttpStatusCode.BadRequest, without.StatusCode);

        var page = await (await session.GetAsync("/")).Content.ReadAsStringAsync();
        var token = System.Text.RegularExpressions.Regex.Match(page, "\"X-CSRF-TOKEN\": \"([^\"]+)\"").Groups[1].Value;
        var with = new HttpRequestMessage(HttpMethod.Post, "/api/segmentation/run");
        with.Headers.Add("X-CSRF-TOKEN", token);
        var response = await session.SendAsync(with);
        Assert.NotEqual(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Conflict, $"segmentation answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task A_token_needs_the_right_password_and_for_an_administrator_the_code_of_the_app()
    {
        using var client = new HttpClient { BaseAddress = world.Address };
        var good = await client.PostAsJsonAsync("/api/token", new { email = W.Staff, password = StaffLogins.Password });
        Assert.Equal(HttpStatusCode.OK, good.StatusCode);
        using (var body = JsonDocument.Parse(await good.Content.ReadAsStringAsync()))
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("accessToken").GetString());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/cases/{world.OtherCaseId}")).StatusCode);
            client.DefaultRequestHeaders.Authorization = null;
        }
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/token", new { email = W.Staff, password = "fout-wachtwoord-123" })).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsJsonAsync("/api/token", new { email = W.Administrator, password = StaffLogins.Password })).StatusCode);
        var withCode = await client.PostAsJsonAsync("/api/token", new { email = W.Administrator, password = StaffLogins.Password, code = Totp.Code(world.AdministratorKey) });
        Assert.Equal(HttpStatusCode.OK, withCode.StatusCode);
        // The tokens are protected by keys kept in the database, shared by every instance.
        Assert.True(await world.Database.ScalarAsync<long>("SELECT count(*) FROM data_protection_keys") >= 1);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        const string email = "vergeetachtig@test.invordering.nl";
        await StaffLogins.CreateAsync(world.App, email, Invordering.Web.Identity.StaffRoles.Collections);
        using var session = new PageSession(world.Address);
        for (var i = 0; i < 5; i++)
        {
            var wrong = await session.PostFormAsync("/account/aanmelden", new() { ["Email"] = email, ["Password"] = "verkeerd-wachtwoord-" + i });
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var right = await session.PostFormAsync("/account/aanmelden", new() { ["Email"] = email, ["Password"] = StaffLogins.Password });
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("geblokkeerd", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_administrator_without_two_factor_sign_in_is_sent_to_set_it_up_and_can_do_so()
    {
        const string email = "nieuwe-beheerder@test.invordering.nl";
        var user = await StaffLogins.CreateAsync(world.App, email, Invordering.Web.Identity.StaffRoles.Administration);
        await world.Database.ExecuteAsync($"UPDATE staff_users SET two_factor_enabled = false WHERE id = '{user.Id}'");
        using var session = await PageSession.SignInAsync(world.Address, email);
        var home = await session.GetAsync("/");
        Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
        Assert.Equal("/account/tweestapsverificatie", home.Headers.Location!.OriginalString);

        var enrolment = await (await session.GetAsync("/account/tweestapsverificatie")).Content.ReadAsStringAsync();
        var uri = System.Text.RegularExpressions.Regex.Match(enrolment, "otpauth://totp/[^\"<]+").Value;
        var key = System.Web.HttpUtility.ParseQueryString(new Uri(System.Net.WebUtility.HtmlDecode(uri)).Query)["secret"]!;
        var done = await session.PostFormAsync("/account/tweestapsverificatie", new() { ["Code"] = Totp.Code(key) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await session.GetAsync("/")).StatusCode);
        Assert.True(await world.Database.ScalarAsync<bool>($"SELECT two_factor_enabled FROM staff_users WHERE id = '{user.Id}'"));
    }
}
