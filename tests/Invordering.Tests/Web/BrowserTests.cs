using Invordering.TestSupport;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using W = Invordering.Tests.Web.WebWorld;

namespace Invordering.Tests.Web;

/// <summary>
/// The web application in Debian's Chromium (driven by Playwright): staff find a case and register a payment plan
/// and see the workflow react in the timeline; a field worker on a 360-pixel-wide phone takes on and completes a
/// home visit; and axe finds no serious or critical accessibility violation on any page.
/// </summary>
public sealed class BrowserTests(W world, Xunit.Abstractions.ITestOutputHelper output) : IClassFixture<W>, IAsyncLifetime
{
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium", Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
    }

    private async Task<IPage> SignInAsync(string email, int width = 1280, int height = 900)
    {
        var context = await _browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = world.Address.ToString(), ViewportSize = new ViewportSize { Width = width, Height = height }, Locale = "nl-NL",
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/aanmelden"));
        await page.GetByLabel("E-mailadres").FillAsync(email);
        await page.GetByLabel("Wachtwoord").FillAsync(StaffLogins.Password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        if (email == W.Administrator)
        {
            await page.GetByLabel("Code uit uw authenticator-app").FillAsync(Totp.Code(world.AdministratorKey));
            await page.GetByRole(AriaRole.Button, new() { Name = "Aanmelden", Exact = true }).ClickAsync();
        }
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Welkom");
        return page;
    }

    [Fact]
    public async Task Staff_find_a_case_register_a_payment_plan_and_see_the_workflow_react()
    {
        var number = await world.Database.ScalarAsync<string>(
            $"SELECT a.assessment_number FROM collection_cases c JOIN assessments a ON a.id = c.assessment_id WHERE c.id = {world.OtherCaseId}");
        var page = await SignInAsync(W.Staff);
        await page.GetByRole(AriaRole.Link, new() { Name = "Zaken zoeken" }).First.ClickAsync();
        await page.GetByLabel("Zoekterm").FillAsync(number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "1 zaak gevonden" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("******");

        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync($"Zaak {world.OtherCaseId}");
        var eventsBefore = await world.Database.ScalarAsync<long>($"SELECT count(*) FROM workflow_journal WHERE case_id = {world.OtherCaseId} AND kind = 'event'");

        await page.GetByText("Betalingsregeling vastleggen").ClickAsync();
        await page.GetByLabel("Aantal maandelijkse termijnen").FillAsync("4");
        await page.GetByRole(AriaRole.Button, new() { Name = "Regeling vastleggen" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Betalingsregeling van 4 termijnen vastgelegd.");
        await Assertions.Expect(page.GetByText("Er loopt een betalingsregeling")).ToBeVisibleAsync();
        // The workflow heard the event: its journal, shown as the timeline, has it with the person who did it.
        Assert.Equal(eventsBefore + 1, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM workflow_journal WHERE case_id = {world.OtherCaseId} AND kind = 'event'"));
        var timeline = page.Locator("ol.inv-tijdlijn > li").First;
        await Assertions.Expect(timeline).ToContainTextAsync(W.Staff);
        await Assertions.Expect(timeline).ToContainTextAsync("regeling");
        Assert.Equal(1, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'payment-plan-agreed' AND entity_id = '{world.OtherCaseId}' AND actor = '{W.Staff}'"));
    }

    [Fact]
    public async Task A_field_worker_on_a_phone_takes_on_and_completes_a_home_visit_which_moves_the_workflow_on()
    {
        await world.Database.ExecuteAsync($"UPDATE field_tasks SET assigned_to = NULL WHERE id = {world.HomeVisitTaskId}");
        var page = await SignInAsync(W.FieldWorker, width: 360, height: 740);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Mijn taken" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Taak {world.HomeVisitTaskId} oppakken" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De taak staat nu op uw lijst.");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the page fits 360 pixels without scrolling sideways");

        await page.GetByRole(AriaRole.Link, new() { Name = "Huisbezoek:" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Huisbezoek");
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= 360"), "the task page fits 360 pixels");
        await page.GetByLabel("Betalingsregeling afgesproken").CheckAsync();
        await page.GetByLabel("Toelichting").FillAsync("Afgesproken: 6 termijnen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Taak afronden" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("De taak is afgerond.");

        Assert.Equal("regeling", await world.Database.ScalarAsync<string>($"SELECT outcome FROM field_tasks WHERE id = {world.HomeVisitTaskId}"));
        // The outcome travels to the workflow as a message; it moves the case on to waiting for the plan.
        await Eventually.HoldsAsync(async () => await world.Database.ScalarAsync<string>(
            $"SELECT current_step FROM workflow_instances WHERE case_id = {world.HomeVisitCaseId}") == "wacht-op-regeling", "the workflow takes the outcome");
    }

    [Fact]
    public async Task An_administrator_shortens_the_free_reminder_simulates_it_is_refused_an_early_dwangbevel_and_publishes_for_new_cases_only()
    {
        var running = await world.StartCaseAsync("kan-en-wil");
        Assert.Equal($"1 wacht-na-herinnering {W.Day.AddDays(14):yyyy-MM-dd}", await world.WorkflowOfAsync(running));

        var page = await SignInAsync(W.Administrator);
        await page.GetByRole(AriaRole.Navigation, new() { Name = "Hoofdmenu" }).GetByRole(AriaRole.Link, new() { Name = "Beheer" }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Workflows", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Region, new() { Name = "Versies van kan-en-wil" }).GetByRole(AriaRole.Link, new() { Name = "Versie 1" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("versie 1 (gepubliceerd)");
        await Assertions.Expect(page.Locator("svg.inv-diagram")).ToContainTextAsync("wacht 14 kalenderdagen");

        // The free reminder's wait: 14 days becomes 10, saved as a draft (version 2).
        var reminderWait = page.Locator("#stap-wacht-na-herinnering");
        await reminderWait.GetByText("Stap wacht-na-herinnering bewerken").ClickAsync();
        await reminderWait.GetByLabel("Aantal dagen").FillAsync("10");
        await reminderWait.GetByRole(AriaRole.Button, new() { Name = "Stap wacht-na-herinnering opslaan" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("in een nieuw concept: versie 2");
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/beheer/workflows/kan-en-wil/2#stap-wacht-na-herinnering$"));
        await Assertions.Expect(page.Locator("#stap-wacht-na-herinnering")).ToContainTextAsync("wacht 10 kalenderdagen");
        await Assertions.Expect(page.Locator("#controle")).ToContainTextAsync("geen fouten");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Simuleren" }))
            .ToHaveAttributeAsync("href", "/beheer/simulatie?workflow=kan-en-wil&versie=2");
        // The draft simulated on 1,000 synthetic debtors beside the published version: every debtor gets the free reminder
        // in both, and with 10 days instead of 14 more aanmaningen go out within the 180 days. No real case is touched.
        const string Simulations = $"SELECT count(*) FROM audit_log WHERE actor = '{W.Administrator}' AND action = 'workflow-simulated'";
        var (casesBefore, simulationsBefore) = (await world.Database.ScalarAsync<long>("SELECT count(*) FROM collection_cases"),
            await world.Database.ScalarAsync<long>(Simulations));
        await page.GetByRole(AriaRole.Link, new() { Name = "Simuleren" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Versie")).ToHaveValueAsync("2");
        await page.GetByLabel("Aantal debiteuren").FillAsync("1000");
        await page.GetByRole(AriaRole.Button, new() { Name = "Simuleren" }).ClickAsync();
        var letters = page.Locator("tbody:has(th:text-is('Brieven'))");
        await Assertions.Expect(letters.Locator("tr:has(th:text-is('herinnering')) td").Nth(0)).ToHaveTextAsync("1.000");
        await Assertions.Expect(letters.Locator("tr:has(th:text-is('herinnering')) td").Nth(2)).ToHaveTextAsync("0");
        await Assertions.Expect(letters.Locator("tr:has(th:text-is('aanmaning')) td").Nth(2)).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\+\d"));
        Assert.Equal(casesBefore, await world.Database.ScalarAsync<long>("SELECT count(*) FROM collection_cases"));
        Assert.Equal(simulationsBefore + 1, await world.Database.ScalarAsync<long>(Simulations));

        // A dwangbevel 7 days after the aanmaning in wil-niet: the check refuses it at the dwangbevel step while typing,
        // after saving the draft, and when publishing.
        await page.GotoAsync("/beheer/workflows/wil-niet/1");
        var demandWait = page.Locator("#stap-wacht-na-aanmaning");
        await demandWait.GetByText("Stap wacht-na-aanmaning bewerken").ClickAsync();
        await demandWait.GetByLabel("Aantal dagen").FillAsync("7");
        const string Refusal = "Stap 'dwangbevel': een dwangbevel mag pas 14 dagen na de aanmaning; op dit pad zitten er maar 7 dagen tussen.";
        await Assertions.Expect(page.Locator("#meldingen-dwangbevel")).ToContainTextAsync(Refusal);
        await Assertions.Expect(page.Locator("#controle")).ToContainTextAsync("1 fout");
        await demandWait.GetByRole(AriaRole.Button, new() { Name = "Stap wacht-na-aanmaning opslaan" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/beheer/workflows/wil-niet/2#stap-wacht-na-aanmaning$"));
        await Assertions.Expect(page.Locator("#stap-dwangbevel")).ToContainTextAsync(Refusal);
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Versie 2 is niet gepubliceerd");
        await Assertions.Expect(page.Locator("#stap-dwangbevel")).ToContainTextAsync(Refusal);
        Assert.Equal("draft", await world.Database.ScalarAsync<string>("SELECT status FROM workflow_definitions WHERE workflow_id = 'wil-niet' AND version = 2"));

        // Publishing the kan-en-wil draft: version 1 is retired, new cases start on version 2, the running case stays.
        await page.GotoAsync("/beheer/workflows/kan-en-wil/2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Publiceren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Versie 2 van kan-en-wil is gepubliceerd");
        Assert.Equal("retired published", await world.Database.ScalarAsync<string>(
            "SELECT string_agg(status, ' ' ORDER BY version) FROM workflow_definitions WHERE workflow_id = 'kan-en-wil'"));
        Assert.Equal(1, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE actor = '{W.Administrator}' AND action = 'workflow-published' AND entity_id = 'kan-en-wil/2'"));

        var started = await world.StartCaseAsync("kan-en-wil");
        Assert.Equal($"2 wacht-na-herinnering {W.Day.AddDays(10):yyyy-MM-dd}", await world.WorkflowOfAsync(started));
        Assert.Equal($"1 wacht-na-herinnering {W.Day.AddDays(14):yyyy-MM-dd}", await world.WorkflowOfAsync(running));
    }

    [Fact]
    public async Task An_administrator_edits_a_template_sees_the_preview_and_a_plain_language_finding_change_and_saves_it()
    {
        const string longSentence =
            "Als u het bedrag niet op tijd betaalt dan sturen wij u eerst nog een brief en daarna komt er misschien iemand bij u aan de deur.";
        var page = await SignInAsync(W.Administrator);
        await page.GotoAsync("/beheer/sjablonen");
        await page.GetByRole(AriaRole.Link, new() { Name = "aanmaning", Exact = true }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("Sjabloon aanmaning");
        var findings = page.Locator("#bevindingen");
        // The letter is shown in a sandboxed frame without scripts, which Playwright cannot enter: its document is read from srcdoc.
        var letter = page.Locator("iframe[title='Voorbeeld van de brief']");
        await Assertions.Expect(letter).ToHaveAttributeAsync("srcdoc", new System.Text.RegularExpressions.Regex("IZ-2026-004711"));
        await Assertions.Expect(findings).Not.ToContainTextAsync("daarna komt er misschien iemand");

        var editor = page.GetByLabel("Tekst van het sjabloon (Handlebars)");
        await editor.FillAsync(await editor.InputValueAsync() + $"<p>{longSentence}</p>\n");
        // htmx updates the preview as one types; the button does the same, also where scripts do not run.
        await page.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld bijwerken" }).ClickAsync();

        // The preview renders the new text on the sample case and the checker finds the long sentence.
        await Assertions.Expect(letter).ToHaveAttributeAsync("srcdoc", new System.Text.RegularExpressions.Regex("daarna komt er misschien iemand"));
        await Assertions.Expect(findings).ToContainTextAsync("Deze zin heeft 27 woorden.");
        await Assertions.Expect(page.Locator("#voorbeeld")).ToContainTextAsync("versie 2 (niet opgeslagen)");

        await page.GetByRole(AriaRole.Button, new() { Name = "Opslaan als concept" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Concept versie 2 is opgeslagen.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Concept versie 2 publiceren" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Versie 2 is gepubliceerd: nieuwe brieven gebruiken vanaf nu deze versie.");

        Assert.Equal($"published {W.Administrator}", await world.Database.ScalarAsync<string>(
            "SELECT status || ' ' || created_by FROM letter_templates WHERE code = 'aanmaning' AND version = 2"));
        Assert.Contains(longSentence, await world.Database.ScalarAsync<string>("SELECT source FROM letter_templates WHERE code = 'aanmaning' AND version = 2"));
    }

    [Fact]
    public async Task No_page_has_a_serious_or_critical_accessibility_violation()
    {
        var problems = new List<string>();
        async Task CheckAsync(IPage page, string path)
        {
            if (path != "") await page.GotoAsync(path);
            // A template's preview is a letter in a sandboxed frame without scripts, which axe cannot enter (its evaluation there
            // would wait for ever): the frame is taken out before the check. The letters' plain language has its own checker.
            await page.EvaluateAsync("() => document.querySelectorAll('iframe[sandbox]').forEach(f => f.remove())");
            var result = await page.RunAxe();
            Assert.True(result.Passes.Length > 0, $"axe ran on {page.Url}");
            foreach (var minor in result.Violations.Where(v => v.Impact is not ("serious" or "critical")))
                output.WriteLine($"{page.Url}: {minor.Id} ({minor.Impact}) {minor.Help}");
            foreach (var violation in result.Violations.Where(v => v.Impact is "serious" or "critical"))
                problems.Add($"{page.Url}: {violation.Id} ({violation.Impact}) {violation.Help} at {string.Join(", ", violation.Nodes.Take(3).Select(n => n.Target?.ToString()))}");
        }

        var anonymous = await (await _browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = world.Address.ToString() })).NewPageAsync();
        await CheckAsync(anonymous, "/account/aanmelden");
        await CheckAsync(anonymous, "/fout/404");
        await CheckAsync(anonymous, "/account/afmelden");

        var staff = await SignInAsync(W.Staff);
        foreach (var path in new[] { "/", "/zaken", $"/zaken/{world.HomeVisitCaseId}", $"/zaken/{world.OtherCaseId}", "/werkvoorraad", "/dashboard", "/dashboard/servicenormen", $"/taken/{world.HomeVisitTaskId}", "/account/tweestapsverificatie" })
            await CheckAsync(staff, path);
        await staff.GotoAsync("/zaken");
        await staff.GetByLabel("Zoekterm").FillAsync("de");
        await staff.GetByRole(AriaRole.Button, new() { Name = "Zoeken" }).ClickAsync();
        await CheckAsync(staff, "");

        await world.AssignHomeVisitAsync(W.FieldWorker);
        var field = await SignInAsync(W.FieldWorker, width: 360, height: 740);
        foreach (var path in new[] { "/", "/buitendienst", $"/taken/{world.HomeVisitTaskId}" })
            await CheckAsync(field, path);

        var auditor = await SignInAsync(W.Auditor);
        await CheckAsync(auditor, "/audit");
        var administrator = await SignInAsync(W.Administrator);
        foreach (var path in new[] { "/", "/beheer", "/beheer/workflows", "/beheer/workflows/kan-en-wil/1", "/beheer/workflows/kan-niet/1",
                     "/beheer/workflows/kan-en-wil/vergelijk?van=1&naar=1", "/beheer/workflows/kan-en-wil/overzetten?van=1" })
            await CheckAsync(administrator, path);
        await CheckAsync(administrator, "/beheer/simulatie?workflow=kan-en-wil&versie=1");
        await administrator.GetByLabel("Aantal debiteuren").FillAsync("200");
        await administrator.GetByRole(AriaRole.Button, new() { Name = "Simuleren" }).ClickAsync();
        await Assertions.Expect(administrator.GetByRole(AriaRole.Table)).ToContainTextAsync("herinnering");
        await CheckAsync(administrator, "");
        // A step's form open, as an administrator edits it.
        await administrator.GotoAsync("/beheer/workflows/kan-niet/1");
        foreach (var summary in await administrator.Locator("details.inv-actie > summary").AllAsync()) await summary.ClickAsync();
        await CheckAsync(administrator, "");
        foreach (var path in new[] { "/beheer/sjablonen", "/beheer/sjablonen/herinnering", "/beheer/regels", "/beheer/tarieven" })
            await CheckAsync(administrator, path);
        // The editors with their Dutch messages showing: a template error, a rule-set error and a refused tariff.
        await administrator.GotoAsync("/beheer/sjablonen/herinnering");
        await administrator.GetByLabel("Tekst van het sjabloon (Handlebars)").FillAsync("<p>{{recipient.naam}}</p>");
        await administrator.GetByRole(AriaRole.Button, new() { Name = "Voorbeeld bijwerken" }).ClickAsync();
        await Assertions.Expect(administrator.Locator("#sjabloonfouten")).ToContainTextAsync("Onbekend veld");
        await CheckAsync(administrator, "");
        await administrator.GotoAsync("/beheer/tarieven");
        await administrator.GetByLabel("Geldig vanaf").FillAsync("2020-01-01");
        await administrator.GetByRole(AriaRole.Button, new() { Name = "Tarief toevoegen" }).ClickAsync();
        await Assertions.Expect(administrator.GetByRole(AriaRole.Alert)).ToContainTextAsync("terugwerkende kracht");
        await CheckAsync(administrator, "");

        Assert.Empty(problems);
    }
}
