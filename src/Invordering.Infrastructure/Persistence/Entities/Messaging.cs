namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>A message written in the same transaction as the change that caused it.</summary>
public sealed class OutboxMessage
{
    public long Sequence { get; set; }
    public Guid MessageId { get; set; }
    public required string MessageType { get; set; }
    public required string Body { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>A message a consumer has handled, so a redelivery changes nothing.</summary>
public sealed class InboxMessage
{
    public Guid MessageId { get; set; }
    public required string Consumer { get; set; }
    public DateTimeOffset HandledAt { get; set; }
}

/// <summary>Who read or changed what, when and why.</summary>
public sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public string? EntityId { get; set; }
    public string? Reason { get; set; }
    public string? Source { get; set; }
    public string? Details { get; set; }
}
