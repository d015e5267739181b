using System.Text.Json;

namespace Invordering.Infrastructure.Messaging;

/// <summary>Maps outbox rows to message types and back; only the contracts namespace is allowed.</summary>
public static class MessageTypes
{
    private const string ContractsNamespace = "Invordering.Infrastructure.Messaging.Contracts";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string NameOf(Type type) =>
        type.Namespace == ContractsNamespace ? type.Name : throw new ArgumentException($"{type} is not a message contract.");

    public static Type Resolve(string name) =>
        typeof(MessageTypes).Assembly.GetType($"{ContractsNamespace}.{name}", throwOnError: false)
        ?? throw new InvalidOperationException($"Unknown message type '{name}' in the outbox.");

    public static string Serialize(object message) => JsonSerializer.Serialize(message, message.GetType(), Json);

    public static object Deserialize(string name, string body) =>
        JsonSerializer.Deserialize(body, Resolve(name), Json)
        ?? throw new InvalidOperationException($"Empty '{name}' message in the outbox.");
}
