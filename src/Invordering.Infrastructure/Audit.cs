using System.Text.Json;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;

namespace Invordering.Infrastructure;

/// <summary>Writes the audit log: who read or changed which person's data, when, where and why.</summary>
public static class Audit
{
    public static void Record(InvorderingDbContext db, string actor, string action, string entity, object? entityId,
        string? source = null, string? reason = null, object? details = null) =>
        db.AuditLog.Add(new AuditEntry
        {
            At = DateTimeOffset.UtcNow,
            Actor = actor,
            Action = action,
            Entity = entity,
            EntityId = entityId?.ToString(),
            Source = source,
            Reason = reason,
            Details = details is null ? null : JsonSerializer.Serialize(details, JsonSerializerOptions.Web),
        });
}
