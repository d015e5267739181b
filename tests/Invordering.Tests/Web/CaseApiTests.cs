using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using W = Invordering.Tests.Web.WebWorld;

namespace Invordering.Tests.Web;

/// <summary>The case actions through /api with a bearer token, as a program would: the same checks, audit rows and workflow reaction as the case page.</summary>
public sealed class CaseApiTests(W world) : IClassFixture<W>
{
    [Fact]
    public async Task A_payment_plan_registered_through_the_api_moves_the_workflow_and_is_audited()
    {
        using var api = new HttpClient { BaseAddress = world.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffLogins.TokenAsync(world.App, W.Staff));
        var caseId = world.OtherCaseId;
        var today = DateOnly.Parse(await world.Database.ScalarAsync<string>(
            "SELECT to_char(coalesce((SELECT max(today) FROM service_clock), current_date), 'YYYY-MM-DD')"), System.Globalization.CultureInfo.InvariantCulture);
        var eventsBefore = await JournalAsync(caseId, "event");

        // The page's checks, as ProblemDetails in Dutch.
        var noDate = await api.PostAsJsonAsync($"/api/cases/{caseId}/payment-plan", new { terms = 3 });
        Assert.Equal(HttpStatusCode.UnprocessableEntity, noDate.StatusCode);
        Assert.Equal("Vul de datum van de eerste termijn in.", await DetailAsync(noDate));
        var past = await api.PostAsJsonAsync($"/api/cases/{caseId}/payment-plan", new { terms = 3, firstDue = today.AddDays(-1) });
        Assert.Equal("De eerste termijn kan niet in het verleden liggen.", await DetailAsync(past));
        var tooMany = await api.PostAsJsonAsync($"/api/cases/{caseId}/payment-plan", new { terms = 13, firstDue = today.AddDays(14) });
        Assert.Equal("Een betalingsregeling heeft 1 tot 12 termijnen.", await DetailAsync(tooMany));
        Assert.Equal(HttpStatusCode.NotFound, (await api.PostAsJsonAsync("/api/cases/999999/payment-plan", new { terms = 3, firstDue = today.AddDays(14) })).StatusCode);

        var agreed = await api.PostAsJsonAsync($"/api/cases/{caseId}/payment-plan", new { terms = 3, firstDue = today.AddDays(14) });
        Assert.Equal(HttpStatusCode.OK, agreed.StatusCode);
        Assert.Contains("Betalingsregeling van 3 termijnen vastgelegd.", await agreed.Content.ReadAsStringAsync());

        Assert.Equal(1L, await world.Database.ScalarAsync<long>($"SELECT count(*) FROM payment_plans WHERE case_id = {caseId} AND status = 'active'"));
        Assert.Equal(3L, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM payment_plan_instalments i JOIN payment_plans p ON p.id = i.plan_id WHERE p.case_id = {caseId}"));
        Assert.Equal(eventsBefore + 1, await JournalAsync(caseId, "event"));
        Assert.Equal(1L, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE actor = '{W.Staff}' AND action = 'payment-plan-agreed' AND entity_id = '{caseId}'"));

        // The case read through the API shows the workflow's answer in its timeline.
        using var view = JsonDocument.Parse(await api.GetStringAsync($"/api/cases/{caseId}"));
        Assert.Contains(view.RootElement.GetProperty("timeline").EnumerateArray(),
            t => t.GetProperty("kind").GetString() == "event" && t.GetProperty("actor").GetString() == W.Staff);

        // A note through the API shows in the case, as on the page; so does the segment with its reasons.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await api.PostAsJsonAsync($"/api/cases/{caseId}/notes", new { text = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/cases/{caseId}/notes", new { text = "Regeling telefonisch afgesproken." })).StatusCode);
        using var withNote = JsonDocument.Parse(await api.GetStringAsync($"/api/cases/{caseId}"));
        Assert.Contains(withNote.RootElement.GetProperty("notes").EnumerateArray(), n => n.GetProperty("text").GetString() == "Regeling telefonisch afgesproken.");
        Assert.Equal(JsonValueKind.Object, withNote.RootElement.GetProperty("segmentReasons").ValueKind);
    }

    [Fact]
    public async Task The_case_read_through_the_api_shows_what_the_case_page_shows_and_search_takes_its_term_in_the_body()
    {
        using var api = await ApiAsync(W.Staff);
        var caseId = world.HomeVisitCaseId;
        var number = await world.Database.ScalarAsync<string>(
            $"SELECT a.assessment_number FROM collection_cases c JOIN assessments a ON a.id = c.assessment_id WHERE c.id = {caseId}");

        // Search is a POST: the term (a BSN, say) stays out of the address and so out of proxy and access logs.
        var found = await api.PostAsJsonAsync("/api/cases/search", new { query = number });
        Assert.Equal(HttpStatusCode.OK, found.StatusCode);
        Assert.Contains(number, await found.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/cases/search", new { query = " " })).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await api.GetAsync($"/api/cases/search?query={number}")).StatusCode);

        using var view = JsonDocument.Parse(await api.GetStringAsync($"/api/cases/{caseId}"));
        var root = view.RootElement;
        Assert.Equal(number, root.GetProperty("assessment").GetProperty("number").GetString());
        var task = Assert.Single(root.GetProperty("tasks").EnumerateArray(), t => t.GetProperty("id").GetInt64() == world.HomeVisitTaskId);
        Assert.Equal("huisbezoek", task.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Array, root.GetProperty("payments").ValueKind);
        Assert.Equal(JsonValueKind.Array, root.GetProperty("workflow").GetProperty("holds").ValueKind);
        Assert.True(root.GetProperty("openWithCostsCents").GetInt64() >= root.GetProperty("assessment").GetProperty("openCents").GetInt64());
    }

    [Fact]
    public async Task A_payment_plan_and_a_pending_remission_show_in_the_case_read_through_the_api_with_the_plans_terms()
    {
        using var api = await ApiAsync(W.Staff);
        var caseId = await world.Database.ScalarAsync<long>(
            $"SELECT max(id) FROM collection_cases WHERE id NOT IN ({world.HomeVisitCaseId}, {world.OtherCaseId}) AND status = 'open'");
        var today = DateOnly.Parse(await world.Database.ScalarAsync<string>(
            "SELECT to_char(coalesce((SELECT max(today) FROM service_clock), current_date), 'YYYY-MM-DD')"), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(HttpStatusCode.OK, (await api.PostAsJsonAsync($"/api/cases/{caseId}/payment-plan", new { terms = 4, firstDue = today.AddDays(14) })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await api.PostAsync($"/api/cases/{caseId}/remission-request", null)).StatusCode);

        using var view = JsonDocument.Parse(await api.GetStringAsync($"/api/cases/{caseId}"));
        var plan = view.RootElement.GetProperty("activePlan");
        var terms = plan.GetProperty("terms").EnumerateArray().ToList();
        Assert.Equal(4, terms.Count);
        Assert.Equal(today.AddDays(14).ToString("yyyy-MM-dd"), terms[0].GetProperty("dueDate").GetString());
        Assert.All(terms, t => Assert.False(t.GetProperty("paid").GetBoolean()));
        Assert.Equal(W.Staff, plan.GetProperty("agreedBy").GetString());
        Assert.Equal(today.ToString("yyyy-MM-dd"), view.RootElement.GetProperty("pendingRemission").GetProperty("requestedOn").GetString());
    }

    [Fact]
    public async Task A_field_worker_reads_their_task_through_the_api_and_takes_on_a_team_task_once()
    {
        await world.AssignHomeVisitAsync(W.FieldWorker);
        using var worker = await ApiAsync(W.FieldWorker);
        using var colleague = await ApiAsync(W.OtherFieldWorker);

        using var detail = JsonDocument.Parse(await worker.GetStringAsync($"/api/tasks/{world.HomeVisitTaskId}"));
        Assert.Equal("huisbezoek", detail.RootElement.GetProperty("kind").GetString());
        Assert.NotEmpty(detail.RootElement.GetProperty("outcomes").EnumerateArray());
        Assert.NotEmpty(detail.RootElement.GetProperty("postcode").GetString()!);
        Assert.Equal(HttpStatusCode.Forbidden, (await colleague.GetAsync($"/api/tasks/{world.HomeVisitTaskId}")).StatusCode);
        Assert.Equal(1L, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE actor = '{W.OtherFieldWorker}' AND action = 'denied' AND entity = 'field_task' AND entity_id = '{world.HomeVisitTaskId}'"));

        // Back in the team's pool, the first to take it on gets it; the second is told why not.
        await world.Database.ExecuteAsync($"UPDATE field_tasks SET assigned_to = NULL WHERE id = {world.HomeVisitTaskId}");
        Assert.Equal(HttpStatusCode.OK, (await colleague.PostAsync($"/api/tasks/{world.HomeVisitTaskId}/take-on", null)).StatusCode);
        var second = await worker.PostAsync($"/api/tasks/{world.HomeVisitTaskId}/take-on", null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, second.StatusCode);
        Assert.Equal("Deze taak is al door iemand anders opgepakt of afgehandeld.", await DetailAsync(second));
        Assert.Equal(W.OtherFieldWorker, await world.Database.ScalarAsync<string>($"SELECT assigned_to FROM field_tasks WHERE id = {world.HomeVisitTaskId}"));
        await world.AssignHomeVisitAsync(W.FieldWorker);
    }

    [Fact]
    public async Task An_auditor_reads_the_audit_log_through_the_api_filtered_by_person_and_the_read_is_audited()
    {
        using var staff = await ApiAsync(W.Staff);
        await staff.GetStringAsync($"/api/cases/{world.OtherCaseId}");
        using var auditor = await ApiAsync(W.Auditor);

        using var log = JsonDocument.Parse(await auditor.GetStringAsync($"/api/audit-log?actor={W.Staff}&entity=collection_case&entityId={world.OtherCaseId}"));
        var lines = log.RootElement.EnumerateArray().ToList();
        Assert.NotEmpty(lines);
        Assert.All(lines, l => Assert.Equal(W.Staff, l.GetProperty("actor").GetString()));
        Assert.Contains(lines, l => l.GetProperty("action").GetString() == "read" && l.GetProperty("source").GetString() == $"/api/cases/{world.OtherCaseId}");
        Assert.True(await world.AuditRowsAsync(W.Auditor, "/api/audit-log") >= 1);
    }

    private async Task<HttpClient> ApiAsync(string who)
    {
        var api = new HttpClient { BaseAddress = world.Address };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await StaffLogins.TokenAsync(world.App, who));
        return api;
    }

    [Fact]
    public async Task The_openapi_document_lists_the_staff_endpoints()
    {
        using var client = new HttpClient { BaseAddress = world.Address };
        var document = await client.GetStringAsync("/openapi/v1.json");
        foreach (var operation in new[] { "SearchCases", "AgreePaymentPlan", "RequestRemission", "DecideRemission", "GrantObjectionDeferral",
                     "EndObjectionDeferral", "PauseCase", "ResumeCase", "WriteCaseNote", "WriteOffCase", "GetMyTasks", "GetTask", "TakeOnTask", "CompleteTask", "GetAuditLog", "GetWorkQueues",
                     "RetryIncident", "SkipIncident", "LinkUnmatchedPayment", "GetCaseFunnel", "GetServiceNorms" })
            Assert.Contains($"\"operationId\": \"{operation}\"", document);
    }

    private Task<long> JournalAsync(long caseId, string kind) =>
        world.Database.ScalarAsync<long>($"SELECT count(*) FROM workflow_journal WHERE case_id = {caseId} AND kind = '{kind}'");

    private static async Task<string?> DetailAsync(HttpResponseMessage response)
    {
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("detail").GetString();
    }
}
