using System.Net;
using W = Invordering.Tests.Web.WebWorld;

namespace Invordering.Tests.Web;

/// <summary>The actions on the case page, as posted by a browser: each changes the case, tells the workflow and is audited; only staff may.</summary>
public sealed class CasePageActionsTests(W world) : IClassFixture<W>
{
    private string CasePage => $"/zaken/{world.OtherCaseId}";

    private async Task<string> PostAsync(PageSession session, string handler, Dictionary<string, string> fields)
    {
        var response = await session.PostFormAsync($"{CasePage}?handler={handler}", fields, formPage: CasePage);
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            Assert.Equal(CasePage, response.Headers.Location!.OriginalString);
            response = await session.GetAsync(CasePage);
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
    }
}
