using System.Net;
using W = Invordering.Tests.Web.WebWorld;

namespace Invordering.Tests.Web;

/// <summary>The actions on the case page, as posted by a browser: each changes the case, tells the workflow and is audited; only staff may.</summary>
public sealed class CasePageActionsTests(W world) : IClassFixture<W>
{
    private string CasePage => $"/zaken/{world.OtherCaseId}";

    private Task<string> PostAsync(PageSession session, string handler, Dictionary<string, string> fields) =>
        PostAsync(session, CasePage, handler, fields);

    private static async Task<string> PostAsync(PageSession session, string casePage, string handler, Dictionary<string, string> fields)
    {
        var response = await session.PostFormAsync($"{casePage}?handler={handler}", fields, formPage: casePage);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal(casePage, response.Headers.Location!.OriginalString);
            response = await session.GetAsync(casePage);
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }

    private Task<long> JournalAsync(string kind) =>
        world.Database.ScalarAsync<long>($"SELECT count(*) FROM workflow_journal WHERE case_id = {world.OtherCaseId} AND kind = '{kind}'");

    [Fact]
    public async Task Staff_write_a_note_pause_and_resume_and_decide_on_remission()
    {
        using var staff = await PageSession.SignInAsync(world.Address, W.Staff);

        var page = await PostAsync(staff, "Notitie", new() { ["tekst"] = "Gebeld met dochter; zij regelt de post." });
        Assert.Contains("Notitie opgeslagen.", page);
        Assert.Contains("Gebeld met dochter; zij regelt de post.", page);

        page = await PostAsync(staff, "Pauze", new() { ["reden"] = "Wacht op uitspraak bewindvoering." });
        Assert.Contains("De zaak is gepauzeerd.", page);
        Assert.Contains("Staat stil voor: <strong>medewerker</strong>", page);
        page = await PostAsync(staff, "Hervat", new() { ["reden"] = "Bewindvoerder is bekend." });
        Assert.Contains("De zaak is hervat.", page);
        Assert.DoesNotContain("Staat stil voor", page);

        var eventsBefore = await JournalAsync("event");
        page = await PostAsync(staff, "Kwijtschelding", []);
        Assert.Contains("Verzoek om kwijtschelding vastgelegd.", page);
        page = await PostAsync(staff, "Besluit", new() { ["besluit"] = "afgewezen", ["reden"] = "" });
        Assert.Contains("Geef een reden bij het afwijzen van kwijtschelding.", page);
        page = await PostAsync(staff, "Besluit", new() { ["besluit"] = "afgewezen", ["reden"] = "Vermogen boven de norm." });
        Assert.Contains("Kwijtschelding afgewezen.", page);
        Assert.Equal(eventsBefore + 2, await JournalAsync("event"));

        foreach (var action in new[] { "note-written", "case-paused", "case-resumed", "remission-requested", "remission-refused" })
            Assert.Equal(1L, await world.Database.ScalarAsync<long>(
                $"SELECT count(*) FROM audit_log WHERE actor = '{W.Staff}' AND action = '{action}' AND entity_id = '{world.OtherCaseId}'"));
        Assert.Equal("Wacht op uitspraak bewindvoering.", await world.Database.ScalarAsync<string>(
            $"SELECT reason FROM audit_log WHERE action = 'case-paused' AND entity_id = '{world.OtherCaseId}'"));
    }

    [Fact]
    public async Task Staff_grant_a_deferral_for_an_objection_and_end_it()
    {
        var caseId = await world.Database.ScalarAsync<long>(
            $"SELECT min(id) FROM collection_cases WHERE id NOT IN ({world.HomeVisitCaseId}, {world.OtherCaseId}) AND status = 'open'");
        var casePage = $"/zaken/{caseId}";
        using var staff = await PageSession.SignInAsync(world.Address, W.Staff);

        var page = await PostAsync(staff, casePage, "Bezwaar", new() { ["reden"] = " " });
        Assert.Contains("Geef een reden voor het uitstel, bijvoorbeeld het kenmerk van het bezwaar.", page);
        page = await PostAsync(staff, casePage, "Bezwaar", new() { ["reden"] = "Bezwaar B-2026-0412 tegen de WOZ-waarde." });
        Assert.Contains("Bezwaar met uitstel vastgelegd.", page);
        Assert.Contains("Staat stil voor: <strong>uitstel</strong>", page);
        Assert.Contains("handler=UitstelEinde", page);
        Assert.Contains("Gebeurtenis &#x27;bezwaar-uitstel&#x27;", page);

        page = await PostAsync(staff, casePage, "UitstelEinde", new() { ["reden"] = "Bezwaar ongegrond verklaard." });
        Assert.Contains("De invordering loopt weer.", page);
        Assert.DoesNotContain("Staat stil voor", page);
        Assert.Equal(1L, await world.Database.ScalarAsync<long>($"SELECT count(*) FROM workflow_journal WHERE case_id = {caseId} AND kind = 'paused' AND reason LIKE '%uitstel%'"));
        Assert.Equal(1L, await world.Database.ScalarAsync<long>($"SELECT count(*) FROM workflow_journal WHERE case_id = {caseId} AND kind = 'resumed'"));
        Assert.Equal("Bezwaar B-2026-0412 tegen de WOZ-waarde.", await world.Database.ScalarAsync<string>(
            $"SELECT reason FROM audit_log WHERE actor = '{W.Staff}' AND action = 'objection-deferral-granted' AND entity_id = '{caseId}'"));
        Assert.Equal("Bezwaar ongegrond verklaard.", await world.Database.ScalarAsync<string>(
            $"SELECT reason FROM audit_log WHERE actor = '{W.Staff}' AND action = 'deferral-ended' AND entity_id = '{caseId}'"));
    }

    [Fact]
    public async Task Staff_write_a_claim_off_with_a_reason_which_closes_the_case_as_uncollectible()
    {
        var caseId = await world.Database.ScalarAsync<long>(
            $"SELECT max(id) FROM collection_cases WHERE id NOT IN ({world.HomeVisitCaseId}, {world.OtherCaseId}) AND status = 'open'");
        var casePage = $"/zaken/{caseId}";
        using var staff = await PageSession.SignInAsync(world.Address, W.Staff);

        var page = await PostAsync(staff, casePage, "Oninbaar", new() { ["reden"] = "" });
        Assert.Contains("Geef een reden waarom de vordering oninbaar is.", page);
        Assert.Equal("open", await world.Database.ScalarAsync<string>($"SELECT status FROM collection_cases WHERE id = {caseId}"));

        page = await PostAsync(staff, casePage, "Oninbaar", new() { ["reden"] = "Overleden, nalatenschap verworpen." });
        Assert.Contains("De vordering is oninbaar verklaard en de zaak is afgesloten.", page);
        Assert.Contains("De vordering is oninbaar verklaard: Overleden, nalatenschap verworpen.", page);
        Assert.DoesNotContain("Oninbaar verklaren</summary>", page);
        Assert.Equal("closed/oninbaar", await world.Database.ScalarAsync<string>($"SELECT status || '/' || outcome FROM collection_cases WHERE id = {caseId}"));
        Assert.Equal("completed", await world.Database.ScalarAsync<string>($"SELECT status FROM workflow_instances WHERE case_id = {caseId} ORDER BY id DESC LIMIT 1"));
        // The workflow itself ends with outcome oninbaar (its 'oninbaar-verklaard' event), not with the stop event's 'gestopt'.
        Assert.Equal(1L, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM workflow_journal WHERE case_id = {caseId} AND kind = 'completed' AND reason = 'Workflow afgerond met uitkomst ''oninbaar''.'"));
        Assert.Equal(1L, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM workflow_journal WHERE case_id = {caseId} AND actor = '{W.Staff}' AND reason = 'De vordering is oninbaar verklaard: Overleden, nalatenschap verworpen.'"));
        Assert.Equal("Overleden, nalatenschap verworpen.", await world.Database.ScalarAsync<string>(
            $"SELECT reason FROM audit_log WHERE actor = '{W.Staff}' AND action = 'case-written-off' AND entity_id = '{caseId}'"));
    }

    [Fact]
    public async Task A_field_worker_may_read_the_case_of_their_task_but_not_act_on_it()
    {
        await world.AssignHomeVisitAsync(W.FieldWorker);
        using var field = await PageSession.SignInAsync(world.Address, W.FieldWorker);
        var casePage = $"/zaken/{world.HomeVisitCaseId}";
        var page = await (await field.GetAsync(casePage)).Content.ReadAsStringAsync();
        Assert.DoesNotContain("Notitie schrijven", page);
        var response = await field.PostFormAsync($"{casePage}?handler=Notitie", new() { ["tekst"] = "Mag niet." }, formPage: $"/taken/{world.HomeVisitTaskId}");
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(0L, await world.Database.ScalarAsync<long>($"SELECT count(*) FROM case_notes WHERE text = 'Mag niet.'"));
        foreach (var handler in new[] { "Bezwaar", "Oninbaar" })
        {
            response = await field.PostFormAsync($"{casePage}?handler={handler}", new() { ["reden"] = "Mag niet." }, formPage: $"/taken/{world.HomeVisitTaskId}");
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
        Assert.Equal("open", await world.Database.ScalarAsync<string>($"SELECT status FROM collection_cases WHERE id = {world.HomeVisitCaseId}"));
    }
}
