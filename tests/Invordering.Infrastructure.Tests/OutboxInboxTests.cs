using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Persistence;
using MassTransit.Testing;
using Invordering.TestSupport;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invordering.Infrastructure.Tests;

/// <summary>The outbox and inbox against real PostgreSQL and RabbitMQ.</summary>
public sealed class OutboxInboxTests : IAsyncLifetime
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

    /// <summary>Records each PaymentReceived it handles in the audit log, once per message.</summary>
    public sealed class RecordingConsumer(InvorderingDbContext db) : IdempotentConsumer<PaymentReceived>(db)
    {
        protected override Task HandleAsync(PaymentReceived message, CancellationToken ct)
        {
            Audit.Record(Db, "test", "payment-seen", "payment", message.PaymentId);
            return Task.CompletedTask;
        }
    }

    /// <summary>A plain consumer on its own endpoint: proves how many copies the bus delivered.</summary>
    public sealed class CountingConsumer : IConsumer<PaymentReceived>
    {
        private static readonly System.Collections.Concurrent.ConcurrentDictionary<Guid, int> Seen = new();
        public static int Deliveries(Guid id) => Seen.GetValueOrDefault(id);

        public Task Consume(ConsumeContext<PaymentReceived> context)
        {
            Seen.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    private IHost StartHost() =>
        ServiceHostFactory.Build(ServiceHostFactory.Configuration(_db, _vhost), consumers: x => x.AddConsumer<RecordingConsumer>());

    private Task<long> SeenAsync(long paymentId) =>
        _db.ScalarAsync<long>($"SELECT count(*) FROM audit_log WHERE action = 'payment-seen' AND entity_id = '{paymentId}'");

    [Fact]
    public async Task A_committed_outbox_message_is_published_once_and_marked_published()
    {
        using var host = StartHost();
        await host.StartAsync();
        await using (var context = _db.CreateContext())
        {
            await using var tx = await context.Database.BeginTransactionAsync();
            Outbox.Add(context, new PaymentReceived(41, 7, 1250, new DateOnly(2026, 5, 1)));
            await context.SaveChangesAsync();
            await tx.CommitAsync();
        }

        await Eventually.HoldsAsync(async () => await SeenAsync(41) == 1, "the consumer saw payment 41");
        await Eventually.HoldsAsync(async () => await _db.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL") == 0,
            "the outbox row is marked published");
        await host.StopAsync();
        Assert.Equal(1, await SeenAsync(41));
    }

    [Fact]
    public async Task A_rolled_back_change_publishes_nothing()
    {
        await using (var context = _db.CreateContext())
        {
            await using var tx = await context.Database.BeginTransactionAsync();
            Outbox.Add(context, new PaymentReceived(42, 7, 1250, new DateOnly(2026, 5, 1)));
            await context.SaveChangesAsync();
            await tx.RollbackAsync();
        }
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM outbox_messages"));
    }

    [Fact]
    public async Task A_message_delivered_twice_is_handled_once()
    {
        // The test harness tells exactly when both deliveries have been consumed; the database is the real one.
        var services = new ServiceCollection();
        services.AddSingleton(_db.DataSource);
        services.AddDbContext<InvorderingDbContext>(o => Database.Configure(o, _db.DataSource));
        services.AddMassTransitTestHarness(x =>
        {
            x.AddConsumer<RecordingConsumer>();
            x.AddConsumer<CountingConsumer>();
        });
        await using var provider = services.BuildServiceProvider(true);
        var harness = provider.GetRequiredService<ITestHarness>();
        await harness.Start();

        var messageId = NewId.NextGuid();
        var message = new PaymentReceived(43, 7, 500, new DateOnly(2026, 5, 2));
        await harness.Bus.Publish(message, c => c.MessageId = messageId);
        await harness.Bus.Publish(message, c => c.MessageId = messageId);

        await Eventually.HoldsAsync(() => Task.FromResult(CountingConsumer.Deliveries(messageId) == 2), "both copies delivered");
        await harness.InactivityTask;
        Assert.False(await harness.Consumed.SelectAsync<PaymentReceived>(m => m.Exception != null).Any());
        Assert.Equal(1, await SeenAsync(43));
        Assert.Equal(1, await _db.ScalarAsync<long>($"SELECT count(*) FROM inbox_messages WHERE message_id = '{messageId}'"));
        await harness.Stop();
    }

    [Fact]
    public async Task Two_relays_side_by_side_publish_each_message_once()
    {
        await using (var context = _db.CreateContext())
        {
            for (var i = 0; i < 2000; i++) Outbox.Add(context, new PaymentReceived(10_000 + i, 7, 100, new DateOnly(2026, 5, 3)));
            await context.SaveChangesAsync();
        }
        using var first = StartHost();
        using var second = StartHost();
        await Task.WhenAll(first.StartAsync(), second.StartAsync());
        // The service's own PaymentReceived consumer keeps its inbox too: count the recording consumer's rows.
        await Eventually.HoldsAsync(
            async () => await _db.ScalarAsync<long>("SELECT count(*) FROM inbox_messages WHERE consumer = 'RecordingConsumer'") == 2000,
            "all 2000 messages handled", TimeSpan.FromMinutes(2));
        await Task.WhenAll(first.StopAsync(), second.StopAsync());
        Assert.Equal(2000, await _db.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'payment-seen'"));
        Assert.Equal(0, await _db.ScalarAsync<long>("SELECT count(*) FROM outbox_messages WHERE published_at IS NULL"));
    }
}
