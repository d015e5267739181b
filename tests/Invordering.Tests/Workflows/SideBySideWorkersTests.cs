using System.Collections.Concurrent;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Workflows;
using Invordering.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invordering.Tests.Workflows;

/// <summary>
/// Two workers side by side on one day: two hosts of the service, each with its own scheduler, relay
/// and consumers on the same database and vhost, run the same day at the same time. They share the
/// work (each claims batches of instances and each handles commands) and do nothing twice.
/// </summary>
public sealed class SideBySideWorkersTests : IAsyncLifetime
{
    private readonly ExactlyOnceWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    /// <summary>The commands (letters, seizure orders) one host consumed, by MessageId; letters arrive one by one or in batches.</summary>
    private sealed class HandledCommands : IConsumeObserver
    {
        private readonly ConcurrentDictionary<Guid, bool> _ids = new();

        public ICollection<Guid> Ids => _ids.Keys;

        public Task PreConsume<T>(ConsumeContext<T> context) where T : class => Task.CompletedTask;

        public Task PostConsume<T>(ConsumeContext<T> context) where T : class
        {
            if (context.Message is IssueLetter or SendSeizureOrder) _ids.TryAdd(context.MessageId!.Value, true);
            if (context.Message is Batch<IssueLetter> batch)
                foreach (var letter in batch) _ids.TryAdd(letter.MessageId!.Value, true);
            return Task.CompletedTask;
        }

        public Task ConsumeFault<T>(ConsumeContext<T> context, Exception exception) where T : class => Task.CompletedTask;
    }

    private (IHost Host, HandledCommands Handled) Worker()
    {
        var host = ServiceHostFactory.Build(_world.Configuration());
        var handled = new HandledCommands();
        host.Services.GetRequiredService<IBus>().ConnectConsumeObserver(handled);
        return (host, handled);
    }

    [Fact]
    public async Task Two_workers_on_one_run_both_do_part_of_the_work_and_nothing_twice()
    {
        await _world.SeedAsync(10_000);
        var (first, firstHandled) = Worker();
        var (second, secondHandled) = Worker();
        using var _ = first;
        using var __ = second;
        await Task.WhenAll(first.StartAsync(), second.StartAsync());

        RunSummary firstRun = new(), secondRun = new();
        await Task.WhenAll(
            first.Services.GetRequiredService<ServiceRun>().RunDayAsync(ExactlyOnceWorld.Day, firstRun, CancellationToken.None),
            second.Services.GetRequiredService<ServiceRun>().RunDayAsync(ExactlyOnceWorld.Day, secondRun, CancellationToken.None));
        await Task.WhenAll(first.StopAsync(), second.StopAsync());

        Assert.True(firstRun.StepsAdvanced > 0 && secondRun.StepsAdvanced > 0,
            $"both schedulers claim instances: {firstRun.StepsAdvanced} and {secondRun.StepsAdvanced}");
        Assert.Equal(_world.Cases, firstRun.StepsAdvanced + secondRun.StepsAdvanced);
        Assert.True(firstHandled.Ids.Count > 0 && secondHandled.Ids.Count > 0,
            $"both hosts handle commands: {firstHandled.Ids.Count} and {secondHandled.Ids.Count}");
        Assert.Equal(_world.Cases, firstHandled.Ids.Union(secondHandled.Ids).Count());
        await _world.AssertEachEffectExactlyOnceAsync();
    }
}
