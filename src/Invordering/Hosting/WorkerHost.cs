using Invordering.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Invordering.Hosting;

/// <summary>A generic host with the infrastructure and, when asked, the worker's background parts.</summary>
public static class WorkerHost
{
    public static IHost Build(IConfiguration configuration, bool withWorker, LogLevel minimumLevel = LogLevel.Warning)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddConfiguration(configuration);
        builder.Logging.AddConfiguration(configuration.GetSection("Logging"));
        builder.Logging.AddSimpleConsole(o => o.SingleLine = true).AddFilter((_, level) => level >= minimumLevel);
        // In one-off commands a failing message becomes an incident (message_incidents); its retries are not console news.
        if (minimumLevel >= LogLevel.Warning) builder.Logging.AddFilter("MassTransit", LogLevel.Critical);
        builder.Services.AddInvorderingInfrastructure(configuration);
        if (withWorker) builder.Services.AddInvorderingWorker();
        return builder.Build();
    }
}
