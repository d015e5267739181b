namespace Invordering.Cli;

/// <summary>Runs a command's body: any failure becomes one clear line on stderr and exit code 1.</summary>
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
        catch (Exception ex)
        {
            await Console.Error.WriteLineAsync("invordering: " + CliErrors.Describe(ex));
            return 1;
        }
    }
}
