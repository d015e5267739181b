using System.Globalization;
using Invordering.Infrastructure.Messaging;
using Invordering.TestSupport;

namespace Invordering.Tests.Workflows;

/// <summary>
/// Exactly once through a broker restart. The whole service (`invordering run --until`) runs a day
/// of cases in a child process over a RabbitMQ node of the test's own. Once some but not all letters
/// exist, the broker application is stopped (every connection and channel drops, unacknowledged
/// deliveries go back to their queues, publishes in flight are never confirmed) and started again.
/// The service notices the broken connection and stops with exit code 75; the test then does what
/// its supervisor does in production and starts it again, and the day settles with every effect once.
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

    [Fact]
    public async Task A_broker_restarted_midway_stops_the_service_and_started_again_it_gives_every_case_its_effect_exactly_once()
    {
        await _world.SeedAsync(4_000);
        var until = ExactlyOnceWorld.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var environment = new Dictionary<string, string>(_world.Environment());
        foreach (var (key, value) in _broker.Settings()) environment[key.Replace(":", "__", StringComparison.Ordinal)] = value!;

        long lettersAtRestart;
        using (var first = ServiceProcess.Start(environment, "run", "--until", until))
        {
            await Eventually.HoldsAsync(async () => first.HasExited || await _world.LettersAsync() >= _world.ExpectedLetters / 5,
                "a fifth of the letters exist", TimeSpan.FromMinutes(3));
            Assert.False(first.HasExited, $"The first run ended ({first.Ending}) before the broker restart:\n{first.Output}");

            await _broker.StopAppAsync();
            var exitCode = await first.WaitForExitAsync(TimeSpan.FromMinutes(2));
            lettersAtRestart = await _world.LettersAsync();
            await _broker.StartAppAsync();

            Assert.True(exitCode == BrokerConnectionWatch.ExitCode, $"The first run ended with {exitCode}, not {BrokerConnectionWatch.ExitCode}:\n{first.Output}");
            Assert.Contains("De verbinding met RabbitMQ is verbroken", first.Output);
        }
        Assert.InRange(lettersAtRestart, 1, _world.ExpectedLetters - 1);

        using var second = ServiceProcess.Start(environment, "run", "--until", until);
        var secondExit = await second.WaitForExitAsync(TimeSpan.FromMinutes(4));
        Assert.True(secondExit == 0, $"The run after the restart failed ({secondExit}):\n{second.Output}");

        await _world.AssertEachEffectExactlyOnceAsync();
    }
}
