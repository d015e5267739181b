using Invordering.Domain;
using Invordering.Infrastructure.Import;
using Invordering.Infrastructure.Letters;
using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Workflows;
using Invordering.Workflows;
using Invordering.Infrastructure.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Infrastructure;

/// <summary>Composes the infrastructure: database, messaging, consumers, health checks.</summary>
public static class Extensions
{
    public static IServiceCollection AddInvorderingInfrastructure(this IServiceCollection services, IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? extraConsumers = null)
    {
        var dataSource = Database.CreateDataSource(Database.ConnectionString(configuration));
        services.AddSingleton(dataSource);
        services.AddDbContext<InvorderingDbContext>(options => Database.Configure(options, dataSource));
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(configuration.GetSection("Organisation").Get<OrganisationOptions>() ?? new OrganisationOptions());
        services.AddSingleton<LetterTemplates>();
        services.AddSingleton(new WorkingDayCalendar(new WorkingDayCalendarOptions()));
        services.AddSingleton<IWorkingDays, CalendarWorkingDays>();
        services.AddSingleton(sp => new WorkflowEngine(sp.GetRequiredService<IWorkingDays>()));
        services.AddSingleton<DefinitionStore>();
        services.AddSingleton<WorkflowScheduler>();
        services.AddSingleton<CaseWorkflow>();
        services.AddScoped<WorkflowVersions>();
        services.AddScoped<CaseMigration>();
        services.AddSingleton<DraftSimulation>();
        services.AddSingleton<ServiceRun>();
        services.AddScoped<Cases.CaseActions>();
        services.AddSingleton<Cases.PaymentPlanMonitor>();
        services.AddSingleton<ImportRunner>();
        services.AddSingleton<AuditedImport>();
        services.AddSingleton<Segmentation.Segmenter>();
        services.AddInvorderingMessaging(configuration, x =>
        {
            x.AddConsumers(typeof(Extensions).Assembly);
            extraConsumers?.Invoke(x);
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database");
        return services;
    }

    /// <summary>
    /// The worker's background parts: the outbox relay, the timers, the bus's recovery and the watch
    /// that stops the service when the broker connection breaks (the bus itself is hosted by MassTransit).
    /// </summary>
    public static IServiceCollection AddInvorderingWorker(this IServiceCollection services)
    {
        services.AddSingleton<OutboxRelay>();
        services.AddHostedService(sp => sp.GetRequiredService<OutboxRelay>());
        services.AddHostedService<WorkflowTimerService>();
        services.AddSingleton<BusRecovery>();
        services.AddHostedService(sp => sp.GetRequiredService<BusRecovery>());
        services.AddSingleton<BrokerConnectionWatch>();
        services.AddHostedService(sp => sp.GetRequiredService<BrokerConnectionWatch>());
        return services;
    }
}
