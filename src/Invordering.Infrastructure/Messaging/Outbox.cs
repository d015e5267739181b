using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using MassTransit;

namespace Invordering.Infrastructure.Messaging;

/// <summary>Adds messages to the outbox inside the caller's unit of work; the relay publishes them after commit.</summary>
public static class Outbox
{
    public static void Add(InvorderingDbContext db, object message) =>
        db.OutboxMessages.Add(new OutboxMessage
        {
            MessageId = NewId.NextGuid(),
            MessageType = MessageTypes.NameOf(message.GetType()),
            Body = MessageTypes.Serialize(message),
            CreatedAt = DateTimeOffset.UtcNow,
        });
}
