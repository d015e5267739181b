namespace Invordering.Cli;

/// <summary>
/// Runs a command's body: any failure becomes one clear line on stderr and exit code 1; a broken
/// broker connection exit code 75, for the supervisor to start the command again.
/// </summary>
public static class CommandAction
{
    public static async Task<int> RunAsync(Func<CancellationToken, Task<int>> body, CancellationToken ct)
    {
        try
        {
            return await body(ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("Afgebroken.");
            return 130;
        }
        catch (BrokerConnectionLostException lost)
        {
            await Console.Error.WriteLineAsync("invordering: " + lost.Message);
            return Infrastructure.Messaging.BrokerConnectionWatch.ExitCode;
        }
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync("invordering: " + CliErrors.Describe(ex));
            return 1;
        }
    }
}
