using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Invordering.Infrastructure.Messaging;

/// <summary>
/// Restarts the bus when it stays unhealthy. After a RabbitMQ restart MassTransit 8.4.0 normally reconnects
/// by itself: every receive endpoint retries its connection, at most <see cref="LongestReconnectInterval"/>
/// apart. It does not always: an endpoint whose transport fails with an OperationCanceledException that is
/// not its own stop (RabbitMQ.Client 7 cancels an AMQP request whose continuation timeout expires) leaves
/// its retry loop for good. A bus that is not healthy for <see cref="UnhealthyLimit"/>, longer than
/// MassTransit needs to let go of a dropped connection and reconnect, is stopped and started.
/// <para>
/// The stop is awaited to its end: MassTransit's host forgets its started endpoints only when a stop
/// completes. After a stop cut short, every later start returns the old, stopped endpoints ("Start called,
/// but the host was already started") and the bus stays 'Not ready' for good, however often it is
/// restarted. Nothing is lost meanwhile: unacknowledged deliveries go back to their queues, and the outbox
/// relay marks a row published only after the broker confirmed it.
/// </para>
/// </summary>
public sealed class BusRecovery(IBusControl bus, TimeProvider time, ILogger<BusRecovery> logger) : BackgroundService
{
    /// <summary>MassTransit's RabbitMQ receive endpoints retry their connection at most this far apart.</summary>
    public static readonly TimeSpan LongestReconnectInterval = TimeSpan.FromSeconds(30);

    /// <summary>Long enough for MassTransit to let go of a dropped connection and reconnect by itself.</summary>
    public static readonly TimeSpan UnhealthyLimit = MessagingSetup.EndpointStopTimeout + LongestReconnectInterval * 2;
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    /// <summary>How often the bus was stopped and started again, for tests and diagnostics.</summary>
    public int Restarts => _restarts;

    private int _restarts;

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
            // Cut short only when the service stops, and then no start follows.
            await bus.StopAsync(stoppingToken);
            if (stoppingToken.IsCancellationRequested) return;
            Interlocked.Increment(ref _restarts);
            // Waits until every receive endpoint is ready: while the broker is still away, until it is back.
            await bus.StartAsync(stoppingToken);
            logger.LogWarning("Bus restarted: {Description}", bus.CheckHealth().Description);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            logger.LogWarning("Bus restart failed ({Error}); trying again after {Limit}", ex.Message, UnhealthyLimit);
        }
    }
}
