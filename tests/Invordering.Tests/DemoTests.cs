using Invordering.Demo;
using Invordering.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invordering.Tests;

/// <summary>The main job on a small population, over real PostgreSQL and RabbitMQ.</summary>
public sealed class DemoTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly TestVirtualHost _vhost = new();
    private readonly string _folder = Path.Combine(Path.GetTempPath(), TestRun.NewName("demo"));

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _vhost.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _vhost.DisposeAsync();
        await _db.DisposeAsync();
        if (Directory.Exists(_folder)) Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task Five_hundred_debtors_over_120_days_end_in_a_funnel_that_adds_up_and_keeps_the_law()
    {
        using var host = ServiceHostFactory.Build(ServiceHostFactory.Configuration(_db, _vhost));
        var demo = new DemoRun(host.Services, host.Services.GetRequiredService<NpgsqlDataSource>());
        var options = new DemoRun.Options(Debtors: 500, Days: 120, Seed: 7, Folder: _folder);
        await demo.ResetAsync(CancellationToken.None);
        await host.StartAsync();
        var population = await demo.GenerateAndImportAsync(options, new Progress<string>(), CancellationToken.None);
        await demo.SegmentAsync(CancellationToken.None);
        await demo.SimulateAsync(options, population, new Progress<DateOnly>(), CancellationToken.None);
        await host.StopAsync();

        var funnel = await Funnel.LoadAsync(_db.DataSource, CancellationToken.None);
        var cases = await _db.ScalarAsync<long>("SELECT count(*) FROM collection_cases");
        Assert.True(cases > 100, $"only {cases} cases were opened");
        Assert.Equal(cases, funnel.EndStates.Sum(e => e.Claims));
        Assert.All(funnel.EndStates, e => Assert.Contains(e.EndState, Funnel.EndStateOrder));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM collection_cases WHERE status = 'closed' AND outcome IS NULL"));
        Assert.Equal(0, await _db.ScalarAsync<long>(
            "SELECT count(*) FROM collection_cases c WHERE c.status = 'open' AND NOT EXISTS (SELECT 1 FROM workflow_instances i WHERE i.case_id = c.id AND i.status NOT IN ('completed', 'switched'))"));
        Assert.Contains(funnel.EndStates, e => e.EndState.StartsWith("betaald", StringComparison.Ordinal));
        Assert.Equal(["kan-en-wil", "kan-niet", "wil-niet"], funnel.EndStates.Select(e => e.Segment).Distinct().Order().ToArray());
        Assert.Equal(0, funnel.KanNietWithEnforcementCosts);
        Assert.True(await _db.ScalarAsync<long>("SELECT count(*) FROM letters WHERE template_code = 'dwangbevel'") > 0, "no writ was issued at all");
        Assert.Equal(0, funnel.WritsWithin14DaysOfDemand);
        Assert.Equal("", await _db.ScalarAsync<string>("SELECT coalesce(string_agg(DISTINCT message_type || ': ' || error, ' / '), '') FROM message_incidents"));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM workflow_incidents"));
    }
}
