using Invordering.Infrastructure.Messaging;
using Invordering.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Infrastructure.Tests;

/// <summary>
/// The worker's last resort when its bus does not recover by itself: a bus that stays unhealthy (here:
/// stopped underneath the host, its receive endpoints gone from the broker) is restarted after
/// <see cref="BusRecovery.UnhealthyLimit"/> and every receive endpoint consumes again.
/// </summary>
public sealed class BusRecoveryTests : IAsyncLifetime
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
    public async Task A_bus_that_stays_unhealthy_is_restarted_and_consumes_again()
    {
        using var host = ServiceHostFactory.Build(ServiceHostFactory.Configuration(_db, _vhost));
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBusControl>();
        await Eventually.HoldsAsync(() => Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy), "the bus starts");

        await bus.StopAsync();
        Assert.NotEqual(BusHealthStatus.Healthy, bus.CheckHealth().Status);

        await Eventually.HoldsAsync(() => Task.FromResult(bus.CheckHealth().Status == BusHealthStatus.Healthy),
            "the bus is restarted and every receive endpoint is ready", BusRecovery.UnhealthyLimit + TimeSpan.FromMinutes(1));
        Assert.Equal(1, host.Services.GetRequiredService<BusRecovery>().Restarts);
        await host.StopAsync();
    }
}
