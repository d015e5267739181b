using System.Globalization;
using System.Text.RegularExpressions;

namespace Invordering.Tests.Workflows;

/// <summary>
/// The way the service grows past one machine: two processes of the executable (`invordering run
/// --until`, each with its scheduler, outbox relay and consumers) run the same day of 10,000 cases on
/// one database and vhost at the same time. Both advance cases (each says how many), together exactly
/// one step per case, and every letter, cost and seizure order exists once.
/// </summary>
public sealed partial class SideBySideProcessesTests : IAsyncLifetime
{
    private readonly ExactlyOnceWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [GeneratedRegex(@"(\d+) workflowstappen")]
    private static partial Regex StepsAdvanced();

    [Fact]
    public async Task Two_processes_on_one_run_share_the_work_and_do_nothing_twice()
    {
        await _world.SeedAsync(10_000);
        var until = ExactlyOnceWorld.Day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        using var first = ServiceProcess.Start(_world.Environment(), "run", "--until", until);
        using var second = ServiceProcess.Start(_world.Environment(), "run", "--until", until);
        var exits = await Task.WhenAll(first.WaitForExitAsync(TimeSpan.FromMinutes(4)), second.WaitForExitAsync(TimeSpan.FromMinutes(4)));
        Assert.True(exits.All(code => code == 0), $"Both runs succeed ({exits[0]}, {exits[1]}):\n{first.Output}\n{second.Output}");

        var steps = new[] { first, second }.Select(p => int.Parse(StepsAdvanced().Match(p.Output).Groups[1].Value, CultureInfo.InvariantCulture)).ToArray();
        Assert.True(steps.All(n => n > 0), $"Both processes advance cases: {steps[0]} and {steps[1]}");
        Assert.Equal(_world.Cases, steps.Sum());
        await _world.AssertEachEffectExactlyOnceAsync();
    }
}
