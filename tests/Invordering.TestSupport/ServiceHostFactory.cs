using Invordering.Infrastructure;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Invordering.TestSupport;

/// <summary>Builds a worker host of the real service against a test database and (optionally) a test vhost.</summary>
public static class ServiceHostFactory
{
    /// <summary>Settings for the test database and vhost (in-memory transport without one); later extras win.</summary>
    public static IConfiguration Configuration(TestDatabase database, TestVirtualHost? vhost, params (string Key, string? Value)[] extra) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Invordering"] = database.ConnectionString })
            .AddInMemoryCollection(vhost?.Settings() ?? [new("Messaging:Transport", "InMemory")])
            .AddInMemoryCollection(extra.Select(e => new KeyValuePair<string, string?>(e.Key, e.Value)))
            .Build();

    public static IHost Build(IConfiguration configuration, bool withWorker = true,
        Action<IBusRegistrationConfigurator>? consumers = null, Action<IServiceCollection>? services = null)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddInvorderingInfrastructure(configuration, consumers);
        if (withWorker) builder.Services.AddInvorderingWorker();
        services?.Invoke(builder.Services);
        return builder.Build();
    }
}
