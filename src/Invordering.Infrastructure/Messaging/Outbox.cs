using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using MassTransit;
using Npgsql;

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

    /// <summary>Adds a batch of messages in one statement, in the caller's transaction (for the set-based paths that work without EF).</summary>
    public static async Task AddAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IReadOnlyCollection<object> messages, CancellationToken ct)
    {
        if (messages.Count == 0) return;
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO outbox_messages (message_id, message_type, body)
            SELECT u.id, u.type, u.body::jsonb FROM unnest(@ids, @types, @bodies) AS u(id, type, body)
            """, connection, tx);
        insert.Parameters.AddWithValue("ids", messages.Select(_ => NewId.NextGuid()).ToArray());
        insert.Parameters.AddWithValue("types", messages.Select(m => MessageTypes.NameOf(m.GetType())).ToArray());
        insert.Parameters.AddWithValue("bodies", messages.Select(MessageTypes.Serialize).ToArray());
        await insert.ExecuteNonQueryAsync(ct);
    }
}
