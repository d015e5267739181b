using Invordering.Infrastructure.Cases;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Invordering.Infrastructure.Workflows;

/// <summary>
/// The worker's clock: on the real date it opens overdue cases and checks payment plans once a
/// day, and moves due instances every half minute. While a simulated date is set (demo,
/// simulation) the `run` command drives the days instead, and this service stands aside.
/// </summary>
public sealed class WorkflowTimerService(NpgsqlDataSource dataSource, WorkflowScheduler scheduler, PaymentPlanMonitor plans,
    TimeProvider time, ILogger<WorkflowTimerService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateOnly? lastDailyRun = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await IsSimulatedAsync(stoppingToken))
                {
                    var today = ServiceClock.RealToday(time);
                    if (lastDailyRun != today)
                    {
                        await scheduler.OpenDueCasesAsync(today, stoppingToken);
                        await plans.RunAsync(today, stoppingToken);
                        lastDailyRun = today;
                    }
                    await scheduler.ProcessDueAsync(today, stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning("Workflow timers failed ({Error}); retrying", ex.Message);
            }
            await Task.Delay(Interval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    private async Task<bool> IsSimulatedAsync(CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT EXISTS (SELECT 1 FROM service_clock)");
        return (bool)(await command.ExecuteScalarAsync(ct))!;
    }
}
