using System.Net;
using System.Text.Json;
using Invordering.Hosting;
using Invordering.TestSupport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Tests;

public sealed class HealthTests : IAsyncLifetime
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

    /// <summary>The web app, and a client signed in (by bearer token) as a member of staff who is also an administrator.</summary>
    internal static async Task<(WebApplication App, HttpClient Client)> StartAsync(Microsoft.Extensions.Configuration.IConfiguration configuration,
        bool signedIn = true)
    {
        var app = WebApp.Build(configuration, "http://127.0.0.1:0", withWorker: true);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var client = new HttpClient { BaseAddress = new Uri(address) };
        if (signedIn)
            await Web.StaffLogins.AuthorizeAsync(app, client, Invordering.Web.Identity.StaffRoles.Collections, Invordering.Web.Identity.StaffRoles.Administration);
        return (app, client);
    }

    [Fact]
    public async Task Health_is_200_when_database_and_broker_are_up()
    {
        var (app, client) = await StartAsync(ServiceHostFactory.Configuration(_db, _vhost));
        await using var _ = app;
        HttpResponseMessage response = null!;
        await Eventually.HoldsAsync(async () =>
        {
            response = await client.GetAsync("/health");
            return response.StatusCode == HttpStatusCode.OK;
        }, "health turns 200 once the bus is connected");
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("ok", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.RootElement.GetProperty("checks").GetProperty("broker").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_is_503_naming_the_database_when_it_is_down()
    {
        var configuration = ServiceHostFactory.Configuration(_db, _vhost,
            ("ConnectionStrings:Invordering", "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2"));
        var (app, client) = await StartAsync(configuration, signedIn: false);
        await using var _ = app;
        // The broker connects in the background; once it has, only the database is named as down.
        string[] down = [];
        await Eventually.HoldsAsync(async () =>
        {
            var response = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            down = body.RootElement.GetProperty("down").EnumerateArray().Select(e => e.GetString()!).ToArray();
            return !down.Contains("broker");
        }, "the broker is connected");
        Assert.Equal(new[] { "database" }, down);
    }

    [Fact]
    public async Task The_OpenAPI_document_lists_the_case_endpoint()
    {
        var (app, client) = await StartAsync(ServiceHostFactory.Configuration(_db, null));
        await using var _ = app;
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.Contains("/api/cases/{id}", document);
    }
}
