using Invordering.Hosting;
using Invordering.Infrastructure.Import;
using Invordering.Infrastructure.Letters;
using Invordering.Infrastructure.Workflows;
using Invordering.TestSupport;
using Invordering.Web.Identity;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Tests.Web;

/// <summary>
/// The web application on a real database, with the sample assessments imported and one service day run (15 May 2026):
/// five open cases, one of them kan-niet with no phone number, so its workflow has asked for a home visit, which is
/// assigned to the field worker. One account per role, plus a second field worker with no tasks.
/// </summary>
public sealed class WebWorld : IAsyncLifetime
{
    public static readonly DateOnly ImportDay = new(2026, 3, 1);
    public static readonly DateOnly Day = new(2026, 5, 15);
    public const string Staff = "medewerker@test.invordering.nl";
    public const string FieldWorker = "buitendienst@test.invordering.nl";
    public const string OtherFieldWorker = "collega-buitendienst@test.invordering.nl";
    public const string Administrator = "beheerder@test.invordering.nl";
    public const string Auditor = "auditor@test.invordering.nl";

    public TestDatabase Database { get; } = new();
    public WebApplication App { get; private set; } = null!;
    public Uri Address { get; private set; } = null!;
    public long HomeVisitCaseId { get; private set; }
    public long HomeVisitTaskId { get; private set; }
    public long OtherCaseId { get; private set; }
    public long LetterId { get; private set; }
    public long DebtorId { get; private set; }
    public long BatchId { get; private set; }
    public string AdministratorKey { get; private set; } = "";

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        // The world lives on a simulated date from the start: without one, the worker's clock would open and move the
        // imported cases on the real date if its first look came between the import and the day's run.
        await Database.ExecuteAsync($"INSERT INTO service_clock (today) VALUES (DATE '{ImportDay:yyyy-MM-dd}')");
        App = WebApp.Build(ServiceHostFactory.Configuration(Database, null), "http://127.0.0.1:0", withWorker: true);
        await App.StartAsync();
        Address = new Uri(App.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

        var sample = Path.Combine(AppContext.BaseDirectory, "Data", "aanslagen-voorbeeld.csv");
        BatchId = (await App.Services.GetRequiredService<ImportRunner>().RunAsync(ImportKind.Aanslagen, sample, "test", ImportDay)).BatchId;
        // The debtor of assessment 2026100000 cannot pay and has no phone number: the kan-niet workflow goes to a home visit.
        await Database.ExecuteAsync(
            """
            UPDATE debtors SET phone = NULL WHERE id = (SELECT debtor_id FROM assessments WHERE assessment_number = '2026100000');
            INSERT INTO debtor_segment_overrides (debtor_id, segment, reason, actor, created_on)
            SELECT debtor_id, 'kan-niet', 'Test: schulden bij de kredietbank.', 'test', DATE '2026-05-01' FROM assessments WHERE assessment_number = '2026100000';
            """);
        await App.Services.GetRequiredService<ServiceRun>().RunDayAsync(Day, new RunSummary(), CancellationToken.None);

        HomeVisitCaseId = await Database.ScalarAsync<long>(
            "SELECT c.id FROM collection_cases c JOIN assessments a ON a.id = c.assessment_id WHERE a.assessment_number = '2026100000'");
        DebtorId = await Database.ScalarAsync<long>($"SELECT debtor_id FROM collection_cases WHERE id = {HomeVisitCaseId}");
        await Eventually.HoldsAsync(async () => await Database.ScalarAsync<long>(
            $"SELECT count(*) FROM field_tasks WHERE case_id = {HomeVisitCaseId} AND kind = 'huisbezoek' AND status = 'open'") == 1, "the home visit is asked for", TimeSpan.FromMinutes(3));
        HomeVisitTaskId = await Database.ScalarAsync<long>($"SELECT id FROM field_tasks WHERE case_id = {HomeVisitCaseId} AND kind = 'huisbezoek'");
        // A home-visit case got no letter yet; store one, as a letter run would.
        LetterId = (await Letters.LetterFixtures.StoreAsync(Database, App.Services.GetRequiredService<LetterTemplates>(), HomeVisitCaseId, ["herinnering"], Day))[0];
        OtherCaseId = await Database.ScalarAsync<long>($"SELECT min(id) FROM collection_cases WHERE id <> {HomeVisitCaseId}");

        await StaffLogins.CreateAsync(App, Staff, StaffRoles.Collections);
        await StaffLogins.CreateAsync(App, FieldWorker, StaffRoles.FieldTeam);
        await StaffLogins.CreateAsync(App, OtherFieldWorker, StaffRoles.FieldTeam);
        await StaffLogins.CreateAsync(App, Auditor, StaffRoles.Auditor);
        await StaffLogins.CreateAsync(App, Administrator, StaffRoles.Administration);
        await using (var scope = App.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var admin = (await users.FindByEmailAsync(Administrator))!;
            await users.ResetAuthenticatorKeyAsync(admin);
            AdministratorKey = (await users.GetAuthenticatorKeyAsync(admin))!;
        }
    }

    /// <summary>Gives the home visit to a field worker (as taking it on in the web application does).</summary>
    public Task AssignHomeVisitAsync(string worker) =>
        Database.ExecuteAsync($"UPDATE field_tasks SET assigned_to = '{worker}' WHERE id = {HomeVisitTaskId}");

    /// <summary>Opens a case for a new overdue assessment of a debtor in <paramref name="segment"/> and starts its workflow, as the service day does; returns the assessment number.</summary>
    public async Task<string> StartCaseAsync(string segment)
    {
        var number = "B" + Random.Shared.Next(10_000_000, 99_999_999);
        await Database.ExecuteAsync(
            $"""
            WITH debtor AS (
                INSERT INTO debtors (bsn, name, street, house_number, postcode, city)
                VALUES ('{number[1..]}9', 'Beheertest {number}', 'Kerkstraat', '1', '6811AB', 'Arnhem') RETURNING id),
            assessment AS (
                INSERT INTO assessments (assessment_number, debtor_id, tax_year, issue_date, due_date, amount_cents, payment_reference, content_hash, batch_id)
                SELECT '{number}', id, 2026, DATE '{Day.AddDays(-60):yyyy-MM-dd}', DATE '{Day.AddDays(-1):yyyy-MM-dd}', 25000, '9{number[1..]}0000000', 0, {BatchId}
                FROM debtor RETURNING debtor_id)
            INSERT INTO debtor_segment_overrides (debtor_id, segment, reason, actor, created_on)
            SELECT debtor_id, '{segment}', 'Test: klantgroep vast.', 'test', DATE '{Day.AddDays(-1):yyyy-MM-dd}' FROM assessment
            """);
        var scheduler = App.Services.GetRequiredService<WorkflowScheduler>();
        await scheduler.OpenDueCasesAsync(Day, CancellationToken.None);
        await scheduler.ProcessDueAsync(Day, CancellationToken.None);
        return number;
    }

    /// <summary>The version, step and wake-up date of the workflow of the case for assessment <paramref name="number"/>.</summary>
    public Task<string> WorkflowOfAsync(string number) => Database.ScalarAsync<string>(
        $"""
        SELECT d.version || ' ' || i.current_step || ' ' || i.wake_on FROM workflow_instances i
        JOIN workflow_definitions d ON d.id = i.definition_id JOIN collection_cases c ON c.id = i.case_id
        JOIN assessments a ON a.id = c.assessment_id WHERE a.assessment_number = '{number}'
        """);

    public async Task<long> AuditRowsAsync(string actor, string source) =>
        await Database.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE actor = '{actor}' AND source = '{source}'");

    public async Task DisposeAsync()
    {
        await App.DisposeAsync();
        await Database.DisposeAsync();
    }
}
