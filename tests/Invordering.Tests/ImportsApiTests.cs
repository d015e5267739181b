using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Invordering.TestSupport;

namespace Invordering.Tests;

/// <summary>/api/imports over HTTP against the real web app and a database of its own.</summary>
public sealed class ImportsApiTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();

    public Task InitializeAsync() => _db.InitializeAsync();

    public Task DisposeAsync() => _db.DisposeAsync();

    private static MultipartFormDataContent Upload(string fileName, byte[] bytes)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        return new MultipartFormDataContent { { file, "bestand", fileName } };
    }

    private static string SampleFile()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, "tests", "Invordering.Domain.Tests", "Data", "aanslagen-voorbeeld.csv");
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("aanslagen-voorbeeld.csv not found above " + AppContext.BaseDirectory);
    }

    [Fact]
    public async Task The_sample_file_uploads_and_the_batch_shows_what_went_in()
    {
        var (app, client) = await HealthTests.StartAsync(ServiceHostFactory.Configuration(_db, null));
        await using var _ = app;
        var bytes = await File.ReadAllBytesAsync(SampleFile());

        var response = await client.PostAsync("/api/imports/aanslagen", Upload("aanslagen-voorbeeld.csv", bytes));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = summary.RootElement;
        var batchId = root.GetProperty("batchId").GetInt64();
        Assert.Equal($"/api/imports/{batchId}", response.Headers.Location?.OriginalString);
        Assert.Equal("aanslagen-voorbeeld.csv", root.GetProperty("file").GetString());
        Assert.Equal((8, 8, 0), (root.GetProperty("rows").GetInt32(), root.GetProperty("accepted").GetInt32(), root.GetProperty("rejected").GetInt32()));
        Assert.False(root.GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(0, root.GetProperty("errors").GetArrayLength());
        Assert.Equal(8, await _db.ScalarAsync<long>("SELECT count(*) FROM assessments"));

        using var batch = JsonDocument.Parse(await client.GetStringAsync($"/api/imports/{batchId}"));
        Assert.Equal("merged", batch.RootElement.GetProperty("status").GetString());
        Assert.Equal("aanslagen", batch.RootElement.GetProperty("kind").GetString());
        Assert.Equal(8, batch.RootElement.GetProperty("accepted").GetInt32());
        var actor = batch.RootElement.GetProperty("createdBy").GetString()!;
        Assert.EndsWith("@test.invordering.nl", actor);

        var again = await client.PostAsync("/api/imports/aanslagen", Upload("aanslagen-voorbeeld.csv", bytes));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        using var repeated = JsonDocument.Parse(await again.Content.ReadAsStringAsync());
        Assert.True(repeated.RootElement.GetProperty("alreadyImported").GetBoolean());
        Assert.Equal(8, await _db.ScalarAsync<long>("SELECT count(*) FROM assessments"));

        Assert.Equal(2, await _db.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE action = 'import' AND entity_id = '{batchId}' AND actor = '{actor}'"));
        Assert.Equal(1, await _db.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE action = 'read' AND entity = 'import_batch' AND entity_id = '{batchId}'"));
    }

    [Fact]
    public async Task The_rejected_rows_of_a_half_broken_file_download_as_semicolon_separated_UTF8()
    {
        var (app, client) = await HealthTests.StartAsync(ServiceHostFactory.Configuration(_db, null));
        await using var _ = app;
        var lines = File.ReadAllLines(SampleFile());
        var broken = string.Join('\n',
            lines[0],
            lines[1],
            lines[2].Replace(";186091394;", ";123456789;"),
            lines[3].Replace(";7311NV;", ";Straße 1;"),
            lines[4]) + "\n";

        var response = await client.PostAsync("/api/imports/aanslagen", Upload("half.csv", Encoding.UTF8.GetBytes(broken)));
        using var summary = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var batchId = summary.RootElement.GetProperty("batchId").GetInt64();
        Assert.Equal((2, 2), (summary.RootElement.GetProperty("accepted").GetInt32(), summary.RootElement.GetProperty("rejected").GetInt32()));

        var csv = await client.GetAsync($"/api/imports/{batchId}/rejections.csv");

        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", csv.Content.Headers.ContentType?.CharSet);
        var bytes = await csv.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes[3..]);
        Assert.Equal(
            "regel;kolom;code;melding\n" +
            "3;bsn;bsn-elfproef;Het BSN ******789 voldoet niet aan de elfproef.\n" +
            "4;postcode;postcode-ongeldig;De postcode 'Straße 1' is ongeldig: gebruik 4 cijfers en 2 letters, zoals 1234AB.\n",
            text);
        Assert.Equal(1, await _db.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE action = 'read' AND entity = 'import_rejections' AND entity_id = '{batchId}'"));
    }

    [Fact]
    public async Task A_file_that_cannot_be_read_is_refused_with_a_Dutch_problem_and_an_unknown_kind_is_not_found()
    {
        var (app, client) = await HealthTests.StartAsync(ServiceHostFactory.Configuration(_db, null));
        await using var _ = app;

        var refused = await client.PostAsync("/api/imports/aanslagen", Upload("komma.csv", Encoding.UTF8.GetBytes("aanslagnummer,bedrag\n1,2\n")));
        var unknown = await client.PostAsync("/api/imports/boetes", Upload("x.csv", [1]));
        var missing = await client.GetAsync("/api/imports/999999");

        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        using var problem = JsonDocument.Parse(await refused.Content.ReadAsStringAsync());
        Assert.Equal("scheidingsteken", problem.RootElement.GetProperty("code").GetString());
        Assert.StartsWith("De kopregel is niet gescheiden door puntkomma's", problem.RootElement.GetProperty("detail").GetString());
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM import_batches WHERE status = 'rejected' AND file_name = 'komma.csv'"));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }

    [Fact]
    public async Task An_upload_that_asks_for_an_answer_at_once_is_followed_to_its_end_by_its_uploader_alone()
    {
        var (app, client) = await HealthTests.StartAsync(ServiceHostFactory.Configuration(_db, null));
        await using var _ = app;
        using var colleague = new HttpClient { BaseAddress = client.BaseAddress };
        await Web.StaffLogins.AuthorizeAsync(app, colleague, Invordering.Web.Identity.StaffRoles.Collections);

        var sample = await FollowAsync(client, await UploadAtOnceAsync(client, "aanslagen-voorbeeld.csv", await File.ReadAllBytesAsync(SampleFile())));
        var comma = await UploadAtOnceAsync(client, "komma.csv", Encoding.UTF8.GetBytes("aanslagnummer,bedrag\n1,2\n"));
        var refused = await FollowAsync(client, comma);

        Assert.Equal(("klaar", "aanslagen-voorbeeld.csv", 100), (sample.GetProperty("status").GetString(), sample.GetProperty("file").GetString(),
            sample.GetProperty("percentage").GetInt32()));
        var summary = sample.GetProperty("summary");
        Assert.Equal((8, 8, 0), (summary.GetProperty("rows").GetInt32(), summary.GetProperty("accepted").GetInt32(), summary.GetProperty("rejected").GetInt32()));
        Assert.Equal(8, await _db.ScalarAsync<long>("SELECT count(*) FROM assessments"));
        Assert.Equal(1, await _db.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'import' AND entity_id = '{summary.GetProperty("batchId").GetInt64()}'"));

        Assert.Equal(("afgewezen", "scheidingsteken"), (refused.GetProperty("status").GetString(), refused.GetProperty("code").GetString()));
        Assert.StartsWith("De kopregel is niet gescheiden door puntkomma's", refused.GetProperty("message").GetString());
        Assert.Equal(1, await _db.ScalarAsync<long>("SELECT count(*) FROM import_batches WHERE status = 'rejected' AND file_name = 'komma.csv'"));

        // Another member of staff does not see someone else's upload; an unknown one is not found.
        Assert.Equal(HttpStatusCode.NotFound, (await colleague.GetAsync(comma)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/imports/lopend/{Guid.NewGuid()}")).StatusCode);
    }

    /// <summary>Uploads with <c>Prefer: respond-async</c>: the answer is 202 with the address of the import's progress.</summary>
    private static async Task<string> UploadAtOnceAsync(HttpClient client, string fileName, byte[] bytes)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/imports/aanslagen") { Content = Upload(fileName, bytes) };
        request.Headers.Add("Prefer", "respond-async");
        var response = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/api/imports/lopend/", location);
        return location;
    }

    /// <summary>Asks for the import's progress until it has ended; returns what it says then.</summary>
    private static async Task<JsonElement> FollowAsync(HttpClient client, string location)
    {
        JsonElement view = default;
        await Eventually.HoldsAsync(async () =>
        {
            using var document = JsonDocument.Parse(await client.GetStringAsync(location));
            view = document.RootElement.Clone();
            return view.GetProperty("status").GetString() != "bezig";
        }, "the background import ends");
        return view;
    }
}
