using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Invordering.TestSupport;

/// <summary>
/// A RabbitMQ node of its own (a real broker process on free ports, its data and logs in a temporary
/// directory), for a test that stops and starts the broker: the shared broker on 5672 keeps serving
/// every other test. Started through the /usr/sbin wrappers, so the node runs as the rabbitmq user
/// with that user's Erlang cookie and registers with the running epmd; connect as guest on 127.0.0.1
/// to the default vhost. Disposing shuts the node down and removes its directory.
/// </summary>
public sealed class DedicatedBroker : IAsyncLifetime
{
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromMinutes(2);
    private readonly string _directory = Path.Combine(Path.GetTempPath(), TestRun.NewName("rabbit"));

    public string NodeName { get; } = $"{TestRun.NewName("node").Replace('_', '-')}@localhost";

    public int Port { get; } = FreePort();

    private int DistributionPort { get; } = FreePort();

    public const string User = "guest";

    /// <summary>Configuration keys that point the service at this node.</summary>
    public IEnumerable<(string Key, string? Value)> Settings() =>
    [
        ("Messaging:Transport", "RabbitMq"),
        ("Messaging:RabbitMq:Host", "127.0.0.1"),
        ("Messaging:RabbitMq:Port", Port.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Messaging:RabbitMq:VirtualHost", "/"),
        ("Messaging:RabbitMq:Username", User),
        ("Messaging:RabbitMq:Password", User),
    ];

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "mnesia"));
        Directory.CreateDirectory(Path.Combine(_directory, "log"));
        await File.WriteAllTextAsync(Path.Combine(_directory, "rabbitmq.conf"), $"listeners.tcp.default = 127.0.0.1:{Port}\n");
        await File.WriteAllTextAsync(Path.Combine(_directory, "enabled_plugins"), "[].\n");
        await RunAsync("chown", "-R", "rabbitmq:rabbitmq", _directory);
        await RunAsync("rabbitmq-server", ["-detached"], new Dictionary<string, string>
        {
            ["RABBITMQ_NODENAME"] = NodeName,
            ["RABBITMQ_NODE_IP_ADDRESS"] = "127.0.0.1",
            ["RABBITMQ_NODE_PORT"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_DIST_PORT"] = DistributionPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["RABBITMQ_CONFIG_FILE"] = Path.Combine(_directory, "rabbitmq.conf"),
            ["RABBITMQ_MNESIA_BASE"] = Path.Combine(_directory, "mnesia"),
            ["RABBITMQ_LOG_BASE"] = Path.Combine(_directory, "log"),
            ["RABBITMQ_ENABLED_PLUGINS_FILE"] = Path.Combine(_directory, "enabled_plugins"),
            ["RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS"] = "-kernel inet_dist_use_interface {127,0,0,1}",
        });
        await AwaitStartupAsync();
    }

    /// <summary>Stops the broker application (every connection drops, the node stays up), as `rabbitmqctl stop_app`.</summary>
    public Task StopAppAsync() => CtlAsync("stop_app");

    /// <summary>Starts the broker application again and waits until it accepts connections.</summary>
    public async Task StartAppAsync()
    {
        await CtlAsync("start_app");
        await AwaitStartupAsync();
    }

    /// <summary>How many consumers the node's queues have, by queue name.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ConsumersByQueueAsync()
    {
        var output = await CtlAsync("list_queues", "-q", "--no-table-headers", "name", "consumers");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line.Split('\t'))
            .Where(parts => parts.Length == 2)
            .ToDictionary(parts => parts[0], parts => int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }

    public async Task DisposeAsync()
    {
        try
        {
            await CtlAsync("shutdown");
        }
        finally
        {
            try
            {
                Directory.Delete(_directory, recursive: true);
            }
            catch (IOException)
            {
                // The node may still be writing its last log lines; the temporary directory is left to the system.
            }
        }
    }

    private async Task AwaitStartupAsync()
    {
        // Straight after -detached the node has not registered yet and await_startup fails: ask until it answers.
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await CtlAsync("await_startup", "--timeout", "30");
                return;
            }
            catch (InvalidOperationException) when (waited.Elapsed < CommandTimeout)
            {
                await Task.Delay(500);
            }
        }
    }

    private Task<string> CtlAsync(params string[] arguments) => RunAsync("rabbitmqctl", ["-n", NodeName, .. arguments]);

    private static Task<string> RunAsync(string program, params string[] arguments) => RunAsync(program, arguments, null);

    private static async Task<string> RunAsync(string program, string[] arguments, IReadOnlyDictionary<string, string>? environment)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) start.Environment[key] = value;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{program} did not start.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(CommandTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{program} {string.Join(' ', arguments)} did not end within {CommandTimeout}.");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} ended with {process.ExitCode}: {await output}{await error}");
        return await output;
    }

    /// <summary>A port nobody listens on, below the range the CLI tools use for their own distribution ports.</summary>
    private static int FreePort()
    {
        while (true)
        {
            var port = Random.Shared.Next(20_000, 25_000);
            try
            {
                using var listener = new TcpListener(IPAddress.Loopback, port);
                listener.Start();
                return port;
            }
            catch (SocketException)
            {
                // Taken: try another.
            }
        }
    }
}
