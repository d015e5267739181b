using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Invordering.Infrastructure.Letters;
using Invordering.TestSupport;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Tests.Letters;

/// <summary>Print runs through the HTTP API with Debian's Chromium; the PDFs are read back with poppler's pdfinfo and pdftotext.</summary>
public sealed class PrintRunTests : IAsyncLifetime
{
    private static readonly DateOnly LetterDate = new(2026, 5, 15);
    private static readonly string[] Codes = ["regeling-bevestiging", "herinnering", "dwangbevel", "termijn-gemist"];

    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task A_print_run_has_the_pages_its_letters_need_with_each_letter_from_a_new_page()
    {
        var (app, client) = await HealthTests.StartAsync(ServiceHostFactory.Configuration(_db, null));
        await using var _ = app;
        var caseId = await LetterFixtures.CaseAsync(_db);
        var ids = await LetterFixtures.StoreAsync(_db, app.Services.GetRequiredService<LetterTemplates>(), caseId, Codes, LetterDate);

        var alone = new List<int>();
        foreach (var id in ids)
        {
            using var letter = await client.GetAsync($"/api/letters/{id}/pdf");
            Assert.Equal(HttpStatusCode.OK, letter.StatusCode);
            Assert.Equal("application/pdf", letter.Content.Headers.ContentType?.MediaType);
            alone.Add(await Poppler.PagesAsync(await letter.Content.ReadAsByteArrayAsync()));
        }

        var response = await client.PostAsJsonAsync("/api/print-runs", new { letterDate = LetterDate });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var run = Assert.Single(created.RootElement.GetProperty("runs").EnumerateArray());
        Assert.Equal(Codes.Length, run.GetProperty("letters").GetInt32());

        var pdf = await client.GetByteArrayAsync(run.GetProperty("pdfUrl").GetString());
        var pages = await Poppler.PagesAsync(pdf);
        Assert.Equal(alone.Sum(), pages);
        Assert.Equal(pages, run.GetProperty("pages").GetInt32());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(pdf)), run.GetProperty("sha256").GetString());

        // Each letter's first page is the page after the previous letter's last: it shows the letter's own subject and reference.
        var firstPage = 1;
        for (var i = 0; i < Codes.Length; i++)
        {
            var text = await Poppler.PageTextAsync(pdf, firstPage);
            Assert.Contains(await TitleAsync(Codes[i]), text);
            Assert.Contains("Ons kenmerk", text);
            firstPage += alone[i];
        }

        Assert.Equal(Codes.Length, await _db.ScalarAsync<long>(
            $"SELECT count(*) FROM print_run_letters WHERE run_id = {run.GetProperty("id").GetInt64()} AND letter_id IN ({string.Join(",", ids)})"));
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'print' AND entity = 'print_run'"));
    }

    [Fact]
    public async Task A_large_selection_is_split_into_runs_and_letters_already_printed_are_left_out_unless_reprinted()
    {
        var configuration = ServiceHostFactory.Configuration(_db, null, ("Printing:MaxLettersPerRun", "3"));
        var (app, client) = await HealthTests.StartAsync(configuration);
        await using var _ = app;
        var caseId = await LetterFixtures.CaseAsync(_db);
        await LetterFixtures.StoreAsync(_db, app.Services.GetRequiredService<LetterTemplates>(), caseId,
            ["herinnering", "aanmaning", "herinnering", "aanmaning", "dwangbevel"], LetterDate);

        var first = await PrintAsync(client, new { templateCode = "herinnering" });
        Assert.Equal([2], first.Select(r => r.Letters));

        var second = await PrintAsync(client, new { letterDate = LetterDate });
        Assert.Equal([3], second.Select(r => r.Letters));

        var reprint = await PrintAsync(client, new { letterDate = LetterDate, reprint = true });
        Assert.Equal([3, 2], reprint.Select(r => r.Letters));
        Assert.Equal(4, await _db.ScalarAsync<long>("SELECT count(*) FROM print_runs"));
        Assert.Equal(2 + 3 + 3 + 2, await _db.ScalarAsync<long>("SELECT count(*) FROM print_run_letters"));

        var none = await client.PostAsJsonAsync("/api/print-runs", new { });
        Assert.Equal(HttpStatusCode.BadRequest, none.StatusCode);
        Assert.Contains("Kies de brieven", await none.Content.ReadAsStringAsync());
    }

    private async Task<string> TitleAsync(string code) =>
        await _db.ScalarAsync<string>($"SELECT title FROM letter_templates WHERE code = '{code}' AND status = 'published'");

    private static async Task<List<(long Id, int Letters)>> PrintAsync(HttpClient client, object selection)
    {
        var response = await client.PostAsJsonAsync("/api/print-runs", selection);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var created = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return created.RootElement.GetProperty("runs").EnumerateArray()
            .Select(r => (r.GetProperty("id").GetInt64(), r.GetProperty("letters").GetInt32())).ToList();
    }
}
