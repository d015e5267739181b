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
    public async Task The_openapi_document_lists_the_staff_endpoints()
    {
        using var client = new HttpClient { BaseAddress = world.Address };
        var document = await client.GetStringAsync("/openapi/v1.json");
        foreach (var operation in new[] { "SearchCases", "AgreePaymentPlan", "RequestRemission", "DecideRemission", "GrantObjectionDeferral",
                     "EndObjectionDeferral", "PauseCase", "ResumeCase", "WriteCaseNote", "WriteOffCase", "GetMyTasks", "CompleteTask", "GetWorkQueues",
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
