using MassTransit;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Invordering.Infrastructure.Messaging;

/// <summary>
/// Publishes committed outbox rows to the bus. Rows are claimed with FOR UPDATE SKIP LOCKED, so
/// several relays share the work; a row is marked published in the same transaction that claimed
/// it, after the broker confirmed. A crash between the two republishes the row with the same
/// MessageId, which the consumers' inbox ignores.
/// </summary>
public sealed class OutboxRelay(NpgsqlDataSource dataSource, IBusControl bus, ILogger<OutboxRelay> logger) : BackgroundService
{
    public const int BatchSize = 500;
    private static readonly TimeSpan IdleWait = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan BusWait = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan FirstPause = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxPause = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Relay loops at once in one worker, each claiming its own batches as a second worker's relay would: one loop waiting
    /// for the broker's confirms while another reads and marks its batch. One loop published about 1,500 messages/s.
    /// </summary>
    public const int ConcurrentRelays = 3;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(Enumerable.Range(0, ConcurrentRelays).Select(_ => RelayUntilStoppedAsync(stoppingToken)));

    private async Task RelayUntilStoppedAsync(CancellationToken stoppingToken)
    {
        // The relay outlives a database outage: it reconnects with a growing pause, and never stops the host.
        var pause = FirstPause;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RelayAsync(onPublished: () => pause = FirstPause, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Outbox relay interrupted ({Error}); retrying in {Pause}", ex.Message, pause);
                await Task.Delay(pause, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
                pause = TimeSpan.FromTicks(Math.Min(pause.Ticks * 2, MaxPause.Ticks));
            }
        }
    }

    private async Task RelayAsync(Action onPublished, CancellationToken stoppingToken)
    {
        await WaitForBusAsync(stoppingToken);
        await using var listener = await dataSource.OpenConnectionAsync(stoppingToken);
        await using (var listen = new NpgsqlCommand("LISTEN outbox", listener))
            await listen.ExecuteNonQueryAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            var count = await PublishBatchAsync(stoppingToken);
            onPublished();
            if (count < BatchSize)
                await listener.WaitAsync(IdleWait, stoppingToken);
        }
    }

    /// <summary>
    /// Waits until every receive endpoint is connected. On a fresh broker the queues and their bindings
    /// exist only from then on: a message published earlier would reach an exchange bound to nothing.
    /// </summary>
    private async Task WaitForBusAsync(CancellationToken stoppingToken)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (bus.CheckHealth() is { Status: not BusHealthStatus.Healthy } health)
        {
            // A bus that stays degraded (one endpoint down) must not hold back the others' messages for ever.
            if (waited.Elapsed > BusWait)
            {
                logger.LogWarning("Outbox relay publishes although the bus is {Status}: {Description}", health.Status, health.Description);
                return;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(100), stoppingToken);
        }
    }

    /// <summary>Publishes one batch of pending messages; returns how many.</summary>
    public async Task<int> PublishBatchAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var batch = new List<(long Sequence, Guid MessageId, object Message)>();
        await using (var select = new NpgsqlCommand(
            """
            SELECT sequence, message_id, message_type, body::text FROM outbox_messages
            WHERE published_at IS NULL ORDER BY sequence LIMIT @limit FOR UPDATE SKIP LOCKED
            """, connection, tx))
        {
            select.Parameters.AddWithValue("limit", BatchSize);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                batch.Add((reader.GetInt64(0), reader.GetGuid(1), MessageTypes.Deserialize(reader.GetString(2), reader.GetString(3))));
        }
        if (batch.Count == 0) return 0;

        // A publish that the broker never confirms (it went away mid-batch) must not hold the claim forever:
        // after the timeout the transaction rolls back and the batch is published again, same MessageIds.
        using (var publishing = CancellationTokenSource.CreateLinkedTokenSource(ct))
        {
            publishing.CancelAfter(PublishTimeout);
            await Task.WhenAll(batch.Select(m =>
                    bus.Publish(m.Message, m.Message.GetType(), context => context.MessageId = m.MessageId, publishing.Token)))
                .WaitAsync(PublishTimeout, ct);
        }

        await using (var mark = new NpgsqlCommand(
            "UPDATE outbox_messages SET published_at = now() WHERE sequence = ANY(@ids)", connection, tx))
        {
            mark.Parameters.AddWithValue("ids", batch.Select(m => m.Sequence).ToArray());
            await mark.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return batch.Count;
    }
}
