using System.Diagnostics;

namespace Invordering.Tests;

/// <summary>Runs the real executable: bad configuration ends with one clear line and a non-zero exit.</summary>
public sealed class CommandLineTests
{
    internal static async Task<(int Exit, string Out, string Err)> RunAsync(IDictionary<string, string> environment, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "invordering.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        using var process = Process.Start(start)!;
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"invordering {string.Join(' ', args)} did not end within 3 minutes:\n{await stdout}\n{await stderr}");
        }
        return (process.ExitCode, await stdout, await stderr);
    }

    private static void AssertOneClearLine(string stderr, string expected)
    {
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Single(lines);
        Assert.Contains(expected, lines[0]);
        Assert.DoesNotContain(" at ", lines[0]);
    }

    [Fact]
    public async Task An_unreachable_database_ends_migrate_with_one_line()
    {
        var (exit, _, err) = await RunAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Invordering"] = "Host=127.0.0.1;Port=1;Database=x;Username=x;Password=x;Timeout=2",
        }, "migrate");
        Assert.NotEqual(0, exit);
        AssertOneClearLine(err, "database is niet bereikbaar");
    }

    [Fact]
    public async Task A_wrong_password_ends_migrate_with_one_line()
    {
        var (exit, _, err) = await RunAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Invordering"] = "Host=127.0.0.1;Database=invordering;Username=invordering;Password=wrong",
        }, "migrate");
        Assert.NotEqual(0, exit);
        AssertOneClearLine(err, "weigert de aanmelding");
    }

    [Fact]
    public async Task An_unknown_transport_ends_the_worker_with_one_line()
    {
        var (exit, _, err) = await RunAsync(new Dictionary<string, string> { ["Messaging__Transport"] = "Postduif" }, "worker");
        Assert.NotEqual(0, exit);
        AssertOneClearLine(err, "Onbekend berichtentransport 'Postduif'");
    }

    [Fact]
    public async Task An_unknown_flag_is_refused()
    {
        var (exit, _, err) = await RunAsync(new Dictionary<string, string>(), "migrate", "--bestaat-niet");
        Assert.NotEqual(0, exit);
        Assert.Contains("--bestaat-niet", err);
    }
}
