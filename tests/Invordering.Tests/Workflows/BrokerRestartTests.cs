using System.Collections.Concurrent;
using Invordering.Infrastructure.Workflows;
using Invordering.TestSupport;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Invordering.Tests.Workflows;

/// <summary>
/// Exactly once through a broker restart. The service runs a day of cases over a RabbitMQ node of
/// the test's own; once some but not all letters exist the broker application is stopped (every
/// connection and channel drops, unacknowledged deliveries go back to their queues, publishes in
/// flight are never confirmed) and started again. The bus reconnects, its receive endpoints consume
/// again, the relay publishes what the broker never confirmed, and the day settles with every
/// effect once.
/// </summary>
public sealed class BrokerRestartTests : IAsyncLifetime
{
    private readonly ExactlyOnceWorld _world = new();
    private readonly DedicatedBroker _broker = new();

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        await _broker.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await _broker.DisposeAsync();
        await _world.DisposeAsync();
    }

    /// <summary>Set to a file name, the bus's whole account of the run (debug level) is written there.</summary>
    private const string BusLogVariable = "INVORDERING_TEST_BUS_LOG";

    /// <summary>The bus's own account of the restart (warnings and up), for the failure message.</summary>
    private sealed class BusLog : ILoggerProvider
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Logger(categoryName, Lines);

        public void Dispose()
        {
        }

        public string Tail => string.Join('\n', Lines.TakeLast(40));

        private sealed class Logger(string category, ConcurrentQueue<string> lines) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel >= (Environment.GetEnvironmentVariable(BusLogVariable) is null ? LogLevel.Warning : LogLevel.Debug);

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (IsEnabled(logLevel)) lines.Enqueue($"{DateTime.UtcNow:HH:mm:ss.fff} {logLevel} {category}: {formatter(state, exception)} {exception?.Message}");
            }
        }
    }

    [Fact]
    public async Task A_broker_restarted_midway_still_gives_every_case_its_effect_exactly_once()
    {
        await _world.SeedAsync(4_000);
        var log = new BusLog();
        using var host = ServiceHostFactory.Build(_world.Configuration([.. _broker.Settings()]),
            services: s => s.AddLogging(b => b.AddProvider(log).AddFilter("Microsoft.EntityFrameworkCore", LogLevel.Warning).SetMinimumLevel(Environment.GetEnvironmentVariable(BusLogVariable) is null ? LogLevel.Warning : LogLevel.Debug)));
        await host.StartAsync();
        var bus = host.Services.GetRequiredService<IBusControl>();
        var queues = (await _broker.ConsumersByQueueAsync()).Keys.ToList();

        var run = host.Services.GetRequiredService<ServiceRun>().RunDayAsync(ExactlyOnceWorld.Day, new RunSummary(), CancellationToken.None);
        await Eventually.HoldsAsync(async () => run.IsCompleted || await _world.LettersAsync() >= _world.ExpectedLetters / 5,
            "a fifth of the letters exist", TimeSpan.FromMinutes(2));
        Assert.False(run.IsCompleted, "The run ended before the broker could be restarted.");
        var lettersAtStop = await _world.LettersAsync();

        await _broker.StopAppAsync();
        await Eventually.HoldsAsync(() => Task.FromResult(bus.CheckHealth().Status != BusHealthStatus.Healthy),
            "the bus notices the broker went away", TimeSpan.FromMinutes(1));
        await _broker.StartAppAsync();

        var settled = await Task.WhenAny(run, Task.Delay(ServiceRun.SettleTimeout + TimeSpan.FromMinutes(1))) == run;
        if (Environment.GetEnvironmentVariable(BusLogVariable) is { } path) await File.WriteAllLinesAsync(path, log.Lines);
        Assert.True(settled && run.IsCompletedSuccessfully,
            $"The day settles after the restart ({(settled ? run.Exception?.GetBaseException().Message : "still running")}): " +
            $"{await _world.ProgressAsync()}\n{log.Tail}");
        Assert.InRange(lettersAtStop, 1, _world.ExpectedLetters - 1);
        Assert.True(bus.CheckHealth().Status == BusHealthStatus.Healthy, $"The bus is healthy again.\n{log.Tail}");
        var consumers = await _broker.ConsumersByQueueAsync();
        Assert.All(queues, queue => Assert.True(consumers.GetValueOrDefault(queue) > 0, $"{queue} has a consumer again.\n{log.Tail}"));
        await host.StopAsync();

        await _world.AssertEachEffectExactlyOnceAsync();
    }
}
