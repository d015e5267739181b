namespace Invordering.TestSupport;

/// <summary>Names this test run, so its databases and vhosts never meet another run's.</summary>
public static class TestRun
{
    private static int _counter;

    /// <summary>Set by scripts/test.sh; a fresh one per process otherwise.</summary>
    public static string Id { get; } =
        Environment.GetEnvironmentVariable("INVORDERING_TEST_RUN") is { Length: > 0 } id ? id : "p" + Environment.ProcessId;

    public static string NewName(string kind)
    {
        var name = $"inv_{Id}_{kind}_{Interlocked.Increment(ref _counter)}_{Guid.NewGuid():N}";
        return name[..Math.Min(name.Length, 60)];
    }

    public static string PostgresHost => Environment.GetEnvironmentVariable("INVORDERING_TEST_PGHOST") ?? "127.0.0.1";
    public static string RabbitHost => Environment.GetEnvironmentVariable("INVORDERING_TEST_RABBITHOST") ?? "127.0.0.1";
}
