namespace Invordering.Infrastructure.Messaging;

/// <summary>Configuration section "Messaging": which transport carries the messages.</summary>
public sealed class MessagingOptions
{
    public string Transport { get; set; } = "InMemory";
    public RabbitMqOptions RabbitMq { get; set; } = new();
}

/// <summary>Configuration section "Messaging:RabbitMq".</summary>
public sealed class RabbitMqOptions
{
    public string Host { get; set; } = "127.0.0.1";
    public ushort Port { get; set; } = 5672;
    public string VirtualHost { get; set; } = "/";
    public string Username { get; set; } = "invordering";
    public string Password { get; set; } = "invordering";
    public ushort PrefetchCount { get; set; } = 200;
    public int ConcurrentMessageLimit { get; set; } = 50;
}

/// <summary>The messaging transports the service knows.</summary>
public enum MessagingTransport { InMemory, RabbitMq }
