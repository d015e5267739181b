using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Invordering.Infrastructure.Messaging;

/// <summary>Configures MassTransit on the transport chosen by Messaging:Transport.</summary>
public static class MessagingSetup
{
    public const int InMemoryConcurrentMessageLimit = 8;

    /// <summary>
    /// How long a receive endpoint that lost its connection waits for its deliveries in progress before it lets go of the
    /// connection. MassTransit replaces a dropped RabbitMQ connection only once every channel on it has finished, and a
    /// delivery caught mid-batch by a broker restart can stay unfinished for minutes: without this bound every endpoint
    /// and the outbox relay wait on the dead connection all that time. A delivery given up on is not acknowledged, so the
    /// broker delivers it again and the inbox makes it count once.
    /// </summary>
    public static readonly TimeSpan EndpointStopTimeout = TimeSpan.FromSeconds(30);

    public static MessagingOptions ReadOptions(IConfiguration configuration)
    {
        var options = configuration.GetSection("Messaging").Get<MessagingOptions>() ?? new MessagingOptions();
        _ = ParseTransport(options.Transport);
        return options;
    }

    public static MessagingTransport ParseTransport(string? value) =>
        Enum.TryParse<MessagingTransport>(value, ignoreCase: true, out var transport) && Enum.IsDefined(transport)
            ? transport
            : throw new ConfigurationException(
                $"Onbekend berichtentransport '{value}' in Messaging__Transport: kies InMemory of RabbitMq.");

    public static IServiceCollection AddInvorderingMessaging(this IServiceCollection services, IConfiguration configuration,
        Action<IBusRegistrationConfigurator>? consumers = null)
    {
        var options = ReadOptions(configuration);
        services.AddSingleton(options);
        services.Configure<MassTransitHostOptions>(o => o.StopTimeout = EndpointStopTimeout);
        services.AddMassTransit(x =>
        {
            x.SetKebabCaseEndpointNameFormatter();
            x.DisableUsageTelemetry();
            x.ConfigureHealthCheckOptions(h =>
            {
                h.Name = "broker";
                h.MinimalFailureStatus = HealthStatus.Unhealthy;
            });
            consumers?.Invoke(x);
            switch (ParseTransport(options.Transport))
            {
                case MessagingTransport.RabbitMq:
                    x.UsingRabbitMq((context, cfg) =>
                    {
                        var rabbit = options.RabbitMq;
                        cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
                        {
                            h.Username(rabbit.Username);
                            h.Password(rabbit.Password);
                        });
                        cfg.PrefetchCount = rabbit.PrefetchCount;
                        cfg.ConcurrentMessageLimit = rabbit.ConcurrentMessageLimit;
                        cfg.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
                default:
                    x.UsingInMemory((context, cfg) =>
                    {
                        // Consumers wait mostly on the database: a few at once per endpoint keep both cores busy.
                        cfg.ConcurrentMessageLimit = InMemoryConcurrentMessageLimit;
                        cfg.UseMessageRetry(r => r.Exponential(5, TimeSpan.FromMilliseconds(100), TimeSpan.FromSeconds(10), TimeSpan.FromMilliseconds(200)));
                        cfg.ConfigureEndpoints(context);
                    });
                    break;
            }
        });
        return services;
    }
}
