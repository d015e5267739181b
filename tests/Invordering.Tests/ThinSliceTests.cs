using System.Net.Http.Json;
using System.Text.Json;
using Invordering.Infrastructure.Import;
using Invordering.Infrastructure.Workflows;
using Invordering.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Tests;

/// <summary>
/// The thin slice through the real parts: the sample file imported, a case per overdue
/// assessment, its workflow started, the first letter rendered over RabbitMQ and stored, and
/// GET /api/cases/{id} returning the case with its letter.
/// </summary>
public sealed class ThinSliceTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    private readonly TestVirtualHost _vhost = new();

    public async Task InitializeAsync()
    {
        await _db.InitializeAsync();
        await _vhost.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _vhost.DisposeAsync();
        await _db.DisposeAsync();
    }

    [Fact]
    public async Task An_overdue_assessment_gets_a_case_a_workflow_and_a_stored_reminder_letter()
    {
        var (app, client) = await HealthTests.StartAsync(ServiceHostFactory.Configuration(_db, _vhost));
        await using var _ = app;

        var sample = Path.Combine(AppContext.BaseDirectory, "Data", "aanslagen-voorbeeld.csv");
        var import = await app.Services.GetRequiredService<ImportRunner>()
            .RunAsync(ImportKind.Aanslagen, sample, "test", new DateOnly(2026, 3, 1));
        Assert.Equal(8, import.Accepted);

        // 15 May 2026: every sample assessment is past its due date; three pay by direct debit.
        var day = new DateOnly(2026, 5, 15);
        await app.Services.GetRequiredService<ServiceRun>().RunDayAsync(day, new RunSummary(), CancellationToken.None);

        Assert.Equal(5, await _db.ScalarAsync<long>("SELECT count(*) FROM collection_cases"));
        Assert.Equal(5, await _db.ScalarAsync<long>("SELECT count(*) FROM letters WHERE template_code = 'herinnering'"));
        var caseId = await _db.ScalarAsync<long>(
            "SELECT c.id FROM collection_cases c JOIN assessments a ON a.id = c.assessment_id WHERE a.assessment_number = '2026100000'");

        using var body = JsonDocument.Parse(await client.GetStringAsync($"/api/cases/{caseId}"));
        var root = body.RootElement;
        Assert.Equal("open", root.GetProperty("status").GetString());
        Assert.Equal("******662", root.GetProperty("debtor").GetProperty("bsnMasked").GetString());
        Assert.Equal("wacht-na-herinnering", root.GetProperty("workflow").GetProperty("currentStep").GetString());
        var letter = Assert.Single(root.GetProperty("letters").EnumerateArray());
        Assert.Equal("herinnering", letter.GetProperty("templateCode").GetString());
        Assert.Equal("2026-05-29", letter.GetProperty("payBy").GetString());
        Assert.Contains(root.GetProperty("timeline").EnumerateArray(), e => e.GetProperty("stepId").GetString() == "herinnering");

        var html = await client.GetStringAsync(letter.GetProperty("htmlUrl").GetString());
        Assert.Contains("J. de Vries", html);
        Assert.Contains("29 mei 2026", html);
        Assert.Contains("4202 6000 0000 0001", html);
        // Three reads: the case, its debtor's segment with reasons (shown with the case, as on the case page) and the letter.
        Assert.Equal(3, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'read'"));
    }
}
