using System.Globalization;
using Invordering.TestSupport;

namespace Invordering.Tests.Workflows;

/// <summary>
/// Exactly once through a real crash. The whole service (`invordering run --until`: the scheduler
/// that claims and advances instances, the outbox relay and the consumers) runs in a child process
/// that is killed (SIGKILL, no shutdown) in the middle of a day of 10,000 cases, once some but not all
/// letters exist; a second process runs the same day again. Every seam where a crash could double or
/// drop an effect lies in the killed process: a claimed batch not yet committed, rows published but
/// not yet marked, letters rendered but not yet committed with their inbox row, messages handled but
/// not yet acknowledged.
/// </summary>
public sealed class WorkerKillTests : IAsyncLifetime
{
    private readonly ExactlyOnceWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_run_killed_midway_and_run_again_issues_every_letter_cost_and_seizure_order_exactly_once()
    {
        await _world.SeedAsync(10_000);
        var until = ExactlyOnceWorld.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        long lettersAtKill;
        using (var first = ServiceProcess.Start(_world.Environment(), "run", "--until", until))
        {
            await Eventually.HoldsAsync(async () => first.HasExited || await _world.LettersAsync() >= _world.ExpectedLetters / 5,
                "a fifth of the letters exist", TimeSpan.FromMinutes(2));
            Assert.False(first.HasExited, $"The first run ended ({first.Ending}) before it could be killed:\n{first.Output}");
            await first.KillAsync();
            lettersAtKill = await _world.LettersAsync();
        }
        Assert.InRange(lettersAtKill, 1, _world.ExpectedLetters - 1);

        using var second = ServiceProcess.Start(_world.Environment(), "run", "--until", until);
        var exitCode = await second.WaitForExitAsync(TimeSpan.FromMinutes(3));
        Assert.True(exitCode == 0, $"The second run failed ({exitCode}):\n{second.Output}");

        await _world.AssertEachEffectExactlyOnceAsync();
    }
}
