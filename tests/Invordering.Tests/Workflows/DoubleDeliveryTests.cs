using System.Collections.Concurrent;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Workflows;
using Invordering.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Tests.Workflows;

/// <summary>
/// Exactly once when every message arrives twice: a publish observer on the bus publishes a second
/// copy of every message (same MessageId) right after the first, so the copies meet the consumers
/// side by side or one after the other, and a counting consumer proves both copies were delivered.
/// </summary>
public sealed class DoubleDeliveryTests : IAsyncLifetime
{
    private readonly ExactlyOnceWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    /// <summary>Publishes every message a second time with the same MessageId (but not the copies again).</summary>
    private sealed class SecondCopyPublisher(IBus bus) : IPublishObserver
    {
        private const string CopyHeader = "Invordering-Test-Copy";

        public Task PrePublish<T>(PublishContext<T> context) where T : class => Task.CompletedTask;

        public Task PostPublish<T>(PublishContext<T> context) where T : class =>
            context.Headers.TryGetHeader(CopyHeader, out _)
                ? Task.CompletedTask
                : bus.Publish(context.Message, copy =>
                {
                    copy.MessageId = context.MessageId;
                    copy.Headers.Set(CopyHeader, "copy");
                }, context.CancellationToken);

        public Task PublishFault<T>(PublishContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    /// <summary>The deliveries of each command, counted on a queue of its own.</summary>
    public sealed class Deliveries
    {
        public ConcurrentDictionary<Guid, int> PerMessage { get; } = new();
    }

    public sealed class DeliveryCounter(Deliveries deliveries) : IConsumer<IssueLetter>, IConsumer<SendSeizureOrder>
    {
        public Task Consume(ConsumeContext<IssueLetter> context) => CountAsync(context);

        public Task Consume(ConsumeContext<SendSeizureOrder> context) => CountAsync(context);

        private Task CountAsync(ConsumeContext context)
        {
            deliveries.PerMessage.AddOrUpdate(context.MessageId!.Value, 1, (_, n) => n + 1);
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Every_message_delivered_twice_still_gives_each_case_its_effect_once()
    {
        await _world.SeedAsync(10_000);
        var deliveries = new Deliveries();
        using var host = ServiceHostFactory.Build(_world.Configuration(),
            consumers: x => x.AddConsumer<DeliveryCounter>(), services: s => s.AddSingleton(deliveries));
        var bus = host.Services.GetRequiredService<IBus>();
        using var observer = bus.ConnectPublishObserver(new SecondCopyPublisher(bus));
        await host.StartAsync();

        await host.Services.GetRequiredService<ServiceRun>().RunDayAsync(ExactlyOnceWorld.Day, new RunSummary(), CancellationToken.None);
        var commands = _world.Cases;
        await Eventually.HoldsAsync(() => Task.FromResult(deliveries.PerMessage.Values.Sum() >= 2 * commands),
            "both copies of every command reached the counting queue", TimeSpan.FromMinutes(1));
        await host.StopAsync();

        Assert.Equal(commands, deliveries.PerMessage.Count);
        Assert.All(deliveries.PerMessage.Values, n => Assert.Equal(2, n));
        await _world.AssertEachEffectExactlyOnceAsync();
    }
}
