using System.CommandLine;
using System.Globalization;
using Invordering.Hosting;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Workflows;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Invordering.Cli;

/// <summary>`invordering run --until DATE`: advances the service clock and processes everything due.</summary>
public static class RunCommand
{
    public static Command Create()
    {
        var until = new Option<string>("--until") { Description = "De datum (jjjj-mm-dd) tot en met welke alles wordt verwerkt.", Required = true };
        var command = new Command("run", "Zet de klok vooruit tot een datum en verwerkt alles wat dan aan de beurt is.") { until };
        command.SetAction((parse, ct) => CommandAction.RunAsync(async token =>
        {
            var text = parse.GetValue(until)!;
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                throw new CommandFailedException($"--until '{text}' is geen datum van de vorm jjjj-mm-dd.");

            using var host = WorkerHost.Build(InvorderingConfiguration.Build(), withWorker: true);
            await Preflight.CheckDatabaseAsync(host.Services, token);
            await host.StartAsync(token);
            var run = host.Services.GetRequiredService<ServiceRun>();
            // The host stops by itself when the broker connection breaks: the run stops with it.
            using var stopping = CancellationTokenSource.CreateLinkedTokenSource(token,
                host.Services.GetRequiredService<IHostApplicationLifetime>().ApplicationStopping);
            RunSummary summary;
            try
            {
                summary = await run.RunUntilAsync(date, new Progress<DateOnly>(), stopping.Token);
            }
            catch (Exception) when (!token.IsCancellationRequested)
            {
                BrokerConnectionLostException.ThrowIfLost(host.Services);
                throw;
            }
            await host.StopAsync(token);
            var today = await ServiceClock.TodayAsync(host.Services.GetRequiredService<NpgsqlDataSource>(), TimeProvider.System, token);
            Console.WriteLine($"Klok staat op {today:yyyy-MM-dd}: {summary.Days} dagen verwerkt, {summary.CasesOpened} zaken geopend, {summary.StepsAdvanced} workflowstappen.");
            return 0;
        }, ct));
        return command;
    }
}
