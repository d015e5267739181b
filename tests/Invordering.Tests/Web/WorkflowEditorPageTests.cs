using System.Net;
using System.Net.Http.Headers;
using System.Text;
using W = Invordering.Tests.Web.WebWorld;

namespace Invordering.Tests.Web;

/// <summary>
/// The workflow editor's file and case-moving pages through HTTP as a signed-in administrator: an invalid file is
/// refused with a Dutch message and nothing stored; an exported version imports as a draft and is published; the
/// running cases of the version before move to it after a dry run, journalled and audited.
/// </summary>
public sealed class WorkflowEditorPageTests(W world) : IClassFixture<W>
{
    private static readonly System.Text.RegularExpressions.Regex Token = new("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");

    private static async Task<HttpResponseMessage> UploadAsync(PageSession session, string fileName, string content)
    {
        var form = await (await session.GetAsync("/beheer/workflows")).Content.ReadAsStringAsync();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(content)) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        var body = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(Token.Match(form).Groups[1].Value)), "__RequestVerificationToken" },
            { file, "bestand", fileName },
        };
        return await session.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/beheer/workflows?handler=Importeer") { Content = body });
    }

    [Fact]
    public async Task An_administrator_imports_a_file_publishes_it_and_moves_the_running_cases_after_a_dry_run()
    {
        using var session = await PageSession.SignInAsync(world.Address, W.Administrator, world.AdministratorKey);
        var versions = await world.Database.ScalarAsync<long>("SELECT count(*) FROM workflow_definitions");

        var refused = await UploadAsync(session, "kapot.json", "{ \"id\": \"wil-niet\", ");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var refusal = WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync());
        Assert.Contains("'kapot.json' is niet ingelezen: het is geen geldig workflowbestand. Er is niets opgeslagen.", refusal);
        Assert.Contains("Het bestand is geen geldige JSON", refusal);
        Assert.Equal(versions, await world.Database.ScalarAsync<long>("SELECT count(*) FROM workflow_definitions"));

        // A case running on wil-niet version 1, then version 1 exported and imported as the draft, version 2.
        var running = await world.StartCaseAsync("wil-niet");
        var export = await session.GetAsync("/beheer/workflows/wil-niet/1?handler=Exporteer");
        Assert.Equal("wil-niet-versie-1.json", export.Content.Headers.ContentDisposition!.FileName);
        var imported = await UploadAsync(session, "wil-niet-versie-1.json", await export.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, imported.StatusCode);
        Assert.Equal("/beheer/workflows/wil-niet/2", imported.Headers.Location!.OriginalString);
        var published = await session.PostFormAsync("/beheer/workflows/wil-niet/2?handler=Publiceer", new());
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);

        // Every step with running cases on version 1 maps to the step of the same id; the dry run says how many move.
        var steps = await world.Database.ScalarAsync<string>(
            """
            SELECT string_agg(DISTINCT i.current_step, ',') FROM workflow_instances i JOIN workflow_definitions d ON d.id = i.definition_id
            WHERE d.workflow_id = 'wil-niet' AND d.version = 1 AND i.status NOT IN ('completed', 'failed', 'switched') AND i.current_step <> ''
            """);
        var cases = await world.Database.ScalarAsync<long>(
            """
            SELECT count(*) FROM workflow_instances i JOIN workflow_definitions d ON d.id = i.definition_id
            WHERE d.workflow_id = 'wil-niet' AND d.version = 1 AND i.status NOT IN ('completed', 'failed', 'switched')
            """);
        Assert.Contains("wacht-na-aanmaning", steps);
        var mapping = steps.Split(',').ToDictionary(s => $"koppeling[{s}]", s => s);
        mapping["van"] = "1";
        mapping["naar"] = "2";
        const string Form = "/beheer/workflows/wil-niet/overzetten?van=1";
        var dryRun = await session.PostFormAsync("/beheer/workflows/wil-niet/overzetten?handler=Proefrun", new(mapping), Form);
        var report = WebUtility.HtmlDecode(await dryRun.Content.ReadAsStringAsync());
        Assert.Contains($"{cases} {(cases == 1 ? "zaak gaat" : "zaken gaan")} over", report);
        Assert.Contains("Zaken overzetten", report);
        Assert.Equal($"1 wacht-na-aanmaning {W.Day.AddDays(14):yyyy-MM-dd}", await world.WorkflowOfAsync(running));

        var moved = await session.PostFormAsync("/beheer/workflows/wil-niet/overzetten?handler=Uitvoeren", new(mapping), Form);
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal($"2 wacht-na-aanmaning {W.Day.AddDays(14):yyyy-MM-dd}", await world.WorkflowOfAsync(running));
        Assert.Equal(cases, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM workflow_journal WHERE kind = 'migrated' AND actor = '{W.Administrator}'"));
        Assert.Equal(1, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE actor = '{W.Administrator}' AND action = 'workflow-cases-migrated' AND entity_id = 'wil-niet/2'"));
    }
}
