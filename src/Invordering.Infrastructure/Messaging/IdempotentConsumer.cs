using Invordering.Infrastructure.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Messaging;

/// <summary>
/// A consumer that handles each message once: the inbox row and the handler's changes commit in
/// one transaction, so a redelivered message finds its row and changes nothing.
/// </summary>
public abstract class IdempotentConsumer<T>(InvorderingDbContext db) : IConsumer<T> where T : class
{
    protected InvorderingDbContext Db { get; } = db;

    public async Task Consume(ConsumeContext<T> context)
    {
        var messageId = context.MessageId ?? throw new InvalidOperationException($"{typeof(T).Name} arrived without a MessageId.");
        var consumer = GetType().Name;
        var strategy = Db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await Db.Database.BeginTransactionAsync(context.CancellationToken);
            var first = await Db.Database.ExecuteSqlAsync(
                $"INSERT INTO inbox_messages (message_id, consumer) VALUES ({messageId}, {consumer}) ON CONFLICT DO NOTHING",
                context.CancellationToken);
            if (first == 0) return;
            await HandleAsync(context.Message, context.CancellationToken);
            await Db.SaveChangesAsync(context.CancellationToken);
            await tx.CommitAsync(context.CancellationToken);
        });
    }

    /// <summary>Does the work; changes made through <see cref="Db"/> commit with the inbox row.</summary>
    protected abstract Task HandleAsync(T message, CancellationToken ct);
}
