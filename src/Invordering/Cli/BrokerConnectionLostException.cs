using Invordering.Infrastructure.Messaging;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Cli;

/// <summary>
/// The service stopped because its connection to RabbitMQ broke (<see cref="BrokerConnectionWatch"/>):
/// the command ends with <see cref="BrokerConnectionWatch.ExitCode"/>, for its supervisor to start it again.
/// </summary>
public sealed class BrokerConnectionLostException()
    : Exception("De verbinding met RabbitMQ is verbroken. Start de opdracht opnieuw: wat verwerkt is, blijft verwerkt, en niets gebeurt twee keer.")
{
    /// <summary>Throws when the host stopped because the broker connection broke.</summary>
    public static void ThrowIfLost(IServiceProvider services)
    {
        if (services.GetService<BrokerConnectionWatch>()?.ConnectionLost == true) throw new BrokerConnectionLostException();
    }
}
