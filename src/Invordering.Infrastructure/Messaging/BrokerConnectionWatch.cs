using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using RabbitMQ.Client.Exceptions;

namespace Invordering.Infrastructure.Messaging;

/// <summary>
/// Stops the service when its connection to RabbitMQ breaks (a broker restart, a network cut), so
/// that its supervisor (systemd, the container runtime) starts it afresh; the commands then end
/// with <see cref="ExitCode"/>. Recovering inside the process proved unreliable: after a broker
/// restart, MassTransit 8.4 on RabbitMQ.Client 7.1 can leave receive endpoints "ready" on the dead
/// connection, consuming nothing, while the bus reports healthy (the client tells channels of the
/// closed connection one at a time, waiting on each channel's unfinished deliveries). A new process
/// connects everything again, and nothing is lost or done twice: every effect is committed with
/// its outbox and inbox rows, and deliveries not acknowledged go back to their queues.
/// The watch keeps a small connection of its own, which the broker drops together with the bus's.
/// </summary>
public sealed class BrokerConnectionWatch(MessagingOptions options, IHostApplicationLifetime lifetime, ILogger<BrokerConnectionWatch> logger)
    : BackgroundService
{
    /// <summary>EX_TEMPFAIL: the service stopped for a passing cause and is to be started again.</summary>
    public const int ExitCode = 75;

    private static readonly TimeSpan ConnectRetry = TimeSpan.FromSeconds(2);

    /// <summary>Whether the service was stopped because the broker connection broke.</summary>
    public bool ConnectionLost { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (MessagingSetup.ParseTransport(options.Transport) != MessagingTransport.RabbitMq) return;
        var rabbit = options.RabbitMq;
        var factory = new ConnectionFactory
        {
            HostName = rabbit.Host,
            Port = rabbit.Port,
            VirtualHost = rabbit.VirtualHost,
            UserName = rabbit.Username,
            Password = rabbit.Password,
            AutomaticRecoveryEnabled = false,
            TopologyRecoveryEnabled = false,
            RequestedHeartbeat = TimeSpan.FromSeconds(10),
            ClientProvidedName = "invordering-verbindingswacht",
        };

        var connection = await ConnectAsync(factory, stoppingToken);
        if (connection is null) return;
        await using (connection)
        {
            var broken = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
            connection.ConnectionShutdownAsync += (_, e) =>
            {
                broken.TrySetResult(e.ReplyText);
                return Task.CompletedTask;
            };
            if (!connection.IsOpen) broken.TrySetResult(connection.CloseReason?.ReplyText ?? "gesloten");

            var stopping = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            await using var _ = stoppingToken.Register(() => stopping.TrySetResult());
            if (await Task.WhenAny(broken.Task, stopping.Task) == stopping.Task) return;

            ConnectionLost = true;
            logger.LogError("The connection to RabbitMQ broke ({Reason}); the service stops so that it is started afresh", await broken.Task);
            lifetime.StopApplication();
        }
    }

    /// <summary>Connects, trying again while the broker cannot be reached (the bus itself waits for it too); null when stopping.</summary>
    private async Task<IConnection?> ConnectAsync(ConnectionFactory factory, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                return await factory.CreateConnectionAsync(stoppingToken);
            }
            catch (BrokerUnreachableException)
            {
                await Task.Delay(ConnectRetry, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        return null;
    }
}
