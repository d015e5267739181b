using System.Net.Http.Headers;
using System.Text;

namespace Invordering.TestSupport;

/// <summary>A RabbitMQ vhost of its own (through the management API), deleted when disposed, so no queue outlives its test.</summary>
public sealed class TestVirtualHost : IAsyncLifetime
{
    public string Name { get; } = TestRun.NewName("vh");

    private readonly HttpClient _http = new()
    {
        BaseAddress = new Uri($"http://{TestRun.RabbitHost}:15672/api/"),
        DefaultRequestHeaders = { Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.ASCII.GetBytes("invordering:invordering"))) },
    };

    public async Task InitializeAsync()
    {
        (await _http.PutAsync($"vhosts/{Name}", null)).EnsureSuccessStatusCode();
        (await _http.PutAsync($"permissions/{Name}/invordering",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
    }

    /// <summary>Configuration keys that point the service at this vhost.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Settings() =>
    [
        new("Messaging:Transport", "RabbitMq"),
        new("Messaging:RabbitMq:Host", TestRun.RabbitHost),
        new("Messaging:RabbitMq:VirtualHost", Name),
    ];

    public async Task DisposeAsync()
    {
        using var response = await _http.DeleteAsync($"vhosts/{Name}");
        _http.Dispose();
    }
}
