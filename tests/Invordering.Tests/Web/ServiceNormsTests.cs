using System.Net;
using Invordering.Letters;
using W = Invordering.Tests.Web.WebWorld;

namespace Invordering.Tests.Web;

/// <summary>The service-norms dashboard: per team and per employee the share of calls made and visits kept on time, and letters and costs per run day.</summary>
public sealed class ServiceNormsTests(W world) : IClassFixture<W>
{
    private const string CallerA = "beller-a@test.invordering.nl";
    private const string CallerB = "beller-b@test.invordering.nl";

    /// <summary>A task on the home-visit case (any case will do: the dashboard counts tasks, not cases).</summary>
    private Task TaskAsync(string kind, string team, string? employee, string status, DateOnly due, DateOnly? done) =>
        world.Database.ExecuteAsync(
            $"""
            INSERT INTO field_tasks (case_id, instance_id, step_id, kind, status, due_date, team, assigned_to, completed_on, command_id)
            SELECT case_id, instance_id, step_id, '{kind}', '{status}', DATE '{due:yyyy-MM-dd}', '{team}',
                   {(employee is null ? "NULL" : $"'{employee}'")}, {(done is { } d ? $"DATE '{d:yyyy-MM-dd}'" : "NULL")}, gen_random_uuid()
            FROM field_tasks WHERE id = {world.HomeVisitTaskId}
            """);

    [Fact]
    public async Task Calls_and_visits_count_once_done_or_overdue_and_meet_the_norm_when_done_by_their_date()
    {
        var day = W.Day;
        await TaskAsync("telefoon", "kantoor-test", CallerA, "done", day.AddDays(-3), day.AddDays(-4));
        await TaskAsync("telefoon", "kantoor-test", CallerA, "done", day.AddDays(-2), day.AddDays(-2));
        await TaskAsync("telefoon", "kantoor-test", CallerA, "done", day.AddDays(-6), day.AddDays(-1));
        await TaskAsync("telefoon", "kantoor-test", CallerB, "open", day.AddDays(-1), null);
        await TaskAsync("telefoon", "kantoor-test", CallerB, "open", day.AddDays(2), null);
        await TaskAsync("telefoon", "kantoor-test", CallerB, "cancelled", day.AddDays(-5), null);
        await TaskAsync("huisbezoek", "buitendienst-test", W.FieldWorker, "done", day.AddDays(-1), day.AddDays(-3));

        using var staff = await PageSession.SignInAsync(world.Address, W.Staff);
        var response = await staff.GetAsync("/dashboard/servicenormen");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Matches(@"kantoor-test</span>[\s\S]*?50% \(2 van 4\), onder de norm", page);
        Assert.Matches(@"beller-a@test.invordering.nl</span>[\s\S]*?66% \(2 van 3\), onder de norm", page);
        Assert.Matches(@"beller-b@test.invordering.nl</span>[\s\S]*?0% \(0 van 1\), onder de norm", page);
        Assert.Matches(@"buitendienst-test</span>[\s\S]*?100% \(1 van 1\)</span>", page);
        // Letters and costs per run day: the world's service day sent letters.
        Assert.Contains($"<th scope=\"row\">{DutchFormat.Date(day)}</th>", page);
        // No citizen's data on this page.
        Assert.DoesNotContain("2026100000", page);
    }

    [Fact]
    public async Task The_overview_draws_per_segment_where_its_cases_stand_as_bars_with_the_figures_beside_them()
    {
        var segment = await world.Database.ScalarAsync<string>("SELECT segment FROM collection_cases GROUP BY segment ORDER BY count(*) DESC LIMIT 1");
        var (cases, open) = (await world.Database.ScalarAsync<long>($"SELECT count(*) FROM collection_cases WHERE segment = '{segment}'"),
            await world.Database.ScalarAsync<long>($"SELECT count(*) FROM collection_cases WHERE segment = '{segment}' AND status = 'open'"));
        Assert.True(cases > 0);

        using var staff = await PageSession.SignInAsync(world.Address, W.Staff);
        var page = await (await staff.GetAsync("/dashboard")).Content.ReadAsStringAsync();

        var percent = 100 * open / cases;
        Assert.Matches($@"klantgroep-{segment}[\s\S]*?nog open</span>\s*<span class=""inv-staaf"" aria-hidden=""true""><span class=""inv-staaf__vulling"" style=""inline-size: {percent}%""></span></span>\s*<span class=""inv-staaf__tekst"">{open} \({percent}%\)</span>", page);
    }
}
