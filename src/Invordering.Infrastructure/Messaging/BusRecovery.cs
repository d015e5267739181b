using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Invordering.Infrastructure.Messaging;

/// <summary>
/// Restarts the bus when it stays unhealthy. After a RabbitMQ restart with deliveries in flight,
/// MassTransit 8.4.0 reconnects its publishing channel but its receive endpoints can stay without a
/// channel and without consumers, and nothing would be consumed again. A bus that is not healthy for
/// <see cref="UnhealthyLimit"/> is stopped (ungracefully after <see cref="StopTimeout"/>: the stuck
/// endpoints never finish) and started, which declares the topology and consumes again. Nothing is
/// lost meanwhile: unacknowledged deliveries went back to their queues, and the outbox relay marks a
/// row published only after the broker confirmed it.
/// </summary>
public sealed class BusRecovery(IBusControl bus, TimeProvider time, ILogger<BusRecovery> logger) : BackgroundService
{
    public static readonly TimeSpan UnhealthyLimit = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(15);

    /// <summary>How often the bus was restarted, for tests and diagnostics.</summary>
    public int Restarts { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? unhealthySince = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(Interval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            if (stoppingToken.IsCancellationRequested) return;
            var health = bus.CheckHealth();
            if (health.Status == BusHealthStatus.Healthy)
            {
                unhealthySince = null;
                continue;
            }
            unhealthySince ??= time.GetUtcNow();
            if (time.GetUtcNow() - unhealthySince < UnhealthyLimit) continue;

            logger.LogWarning("Bus {Status} for {Limit}: {Description}; restarting the bus", health.Status, UnhealthyLimit, health.Description);
            await RestartAsync(stoppingToken);
            unhealthySince = null;
        }
    }

    private async Task RestartAsync(CancellationToken stoppingToken)
    {
        try
        {
            using (var stopping = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                stopping.CancelAfter(StopTimeout);
                await bus.StopAsync(stopping.Token);
            }
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning("Bus did not stop within {Timeout}; starting it again anyway", StopTimeout);
        }
        if (stoppingToken.IsCancellationRequested) return;
        try
        {
            await bus.StartAsync(stoppingToken);
            Restarts++;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning("Bus restart failed ({Error}); trying again later", ex.Message);
        }
    }
}
