using Invordering.Infrastructure.Workflows;
using Invordering.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Tests.Workflows;

/// <summary>
/// The simulation against a real database: definitions from the store, costs from the tariff table, the run
/// audited, and no row in any case table; the command's Dutch refusal of an unknown workflow.
/// </summary>
public sealed class DraftSimulationTests : IAsyncLifetime
{
    private static readonly string[] CaseTables =
    [
        "collection_cases", "workflow_instances", "workflow_journal", "workflow_incidents", "letters", "case_costs", "field_tasks",
        "seizure_orders", "payment_plans", "payment_plan_instalments", "remission_requests", "outbox_messages", "inbox_messages",
    ];

    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private Task<long> CaseRowsAsync() =>
        _db.ScalarAsync<long>(string.Join(" + ", CaseTables.Select(t => $"(SELECT count(*) FROM {t})")).Insert(0, "SELECT "));

    [Fact]
    public async Task A_draft_beside_the_published_version_touches_no_case_table_and_is_audited()
    {
        var draft = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "kan-en-wil.json")))
            .Replace("\"days\": 14,\n      \"kind\": \"calendar\",\n      \"next\": \"aanmaning\"", "\"days\": 10,\n      \"kind\": \"calendar\",\n      \"next\": \"aanmaning\"");
        Assert.Contains("\"days\": 10", draft);
        await _db.ExecuteAsync($"""
            INSERT INTO workflow_definitions (workflow_id, version, status, title, segment, definition, created_by)
            VALUES ('kan-en-wil', 2, 'draft', 'Kan en wil', 'kan-en-wil', '{draft.Replace("'", "''")}', 'beheerder')
            """);
        using var host = ServiceHostFactory.Build(ServiceHostFactory.Configuration(_db, null), withWorker: false);
        await using var scope = host.Services.CreateAsyncScope();
        var simulation = scope.ServiceProvider.GetRequiredService<DraftSimulation>();
        var db = scope.ServiceProvider.GetRequiredService<Invordering.Infrastructure.Persistence.InvorderingDbContext>();
        var rowsBefore = await CaseRowsAsync();

        var versions = await simulation.ChooseAsync("kan-en-wil", null, null, CancellationToken.None);
        var comparison = await simulation.RunAsync(db, versions, 1_000, 180, 11, "beheerder@test.invordering.nl", "/beheer/simulatie", null, null, CancellationToken.None);

        Assert.Equal((1, 2), (comparison.Published.Version, comparison.Draft.Version));
        Assert.True(comparison.Draft.Letters["aanmaning"] > comparison.Published.Letters["aanmaning"]);
        Assert.True(comparison.Published.Costs["aanmaning"].Cents > 0, "the tariff table charged nothing");
        Assert.Equal(rowsBefore, await CaseRowsAsync());
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM collection_cases"));
        var audit = await _db.ScalarAsync<string>(
            "SELECT actor || ' ' || source || ' ' || details::text FROM audit_log WHERE action = 'workflow-simulated'");
        Assert.Contains("beheerder@test.invordering.nl /beheer/simulatie", audit);
        Assert.Contains("\"tried\": \"2 (concept)\"", audit);
        Assert.Contains("\"debtors\": 1000", audit);
    }

    [Fact]
    public async Task The_store_refuses_an_unknown_version_with_the_known_ones()
    {
        using var host = ServiceHostFactory.Build(ServiceHostFactory.Configuration(_db, null), withWorker: false);
        var simulation = host.Services.GetRequiredService<DraftSimulation>();

        var refused = await Assert.ThrowsAsync<SimulationRefusedException>(() => simulation.ChooseAsync("wil-niet", 9, null, CancellationToken.None));

        Assert.Equal("Workflow 'wil-niet' heeft geen versie 9; bekende versies: 1 (gepubliceerd).", refused.Message);
    }

    [Fact]
    public async Task The_command_refuses_an_unknown_workflow_in_one_Dutch_line()
    {
        var (exit, output, error) = await CommandLineTests.RunAsync(
            new Dictionary<string, string> { ["ConnectionStrings__Invordering"] = _db.ConnectionString },
            "simulate", "--workflow", "kan-en-wilt", "--debiteuren", "10");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Equal("invordering: Workflow 'kan-en-wilt' bestaat niet; bekende workflows: kan-en-wil, kan-niet, wil-niet.", error.Trim());
    }

    [Fact]
    public async Task The_command_refuses_an_invalid_file_with_the_validators_messages()
    {
        var file = Path.Combine(Path.GetTempPath(), TestRun.NewName("workflow") + ".json");
        var tooEarly = (await File.ReadAllTextAsync(Path.Combine(AppContext.BaseDirectory, "workflows", "wil-niet.json")))
            .Replace("\"days\": 14,", "\"days\": 7,");
        await File.WriteAllTextAsync(file, tooEarly);
        try
        {
            var (exit, _, error) = await CommandLineTests.RunAsync(
                new Dictionary<string, string> { ["ConnectionStrings__Invordering"] = _db.ConnectionString },
                "simulate", "--workflow", "wil-niet", "--bestand", file);

            Assert.Equal(1, exit);
            Assert.StartsWith("invordering: De workflow in het bestand is niet geldig: Stap 'dwangbevel':", error.Trim());
            Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        }
        finally
        {
            File.Delete(file);
        }
    }
}
