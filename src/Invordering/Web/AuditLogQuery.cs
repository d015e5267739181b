using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Web;

/// <summary>
/// The audit log as auditors read it: newest first, at most <see cref="PageSize"/> rows, filtered by who, which kind of data
/// and which record. Reading it is audited as well (page and /api/audit-log).
/// </summary>
public sealed record AuditLogQuery(string? Actor, string? Entity, string? EntityId)
{
    public const int PageSize = 200;

    public async Task<IReadOnlyList<AuditEntry>> ReadAuditedAsync(InvorderingDbContext db, HttpContext http)
    {
        var query = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Actor)) query = query.Where(a => a.Actor == Actor.Trim());
        if (!string.IsNullOrWhiteSpace(Entity)) query = query.Where(a => a.Entity == Entity.Trim());
        if (!string.IsNullOrWhiteSpace(EntityId)) query = query.Where(a => a.EntityId == EntityId.Trim());
        var entries = await query.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync(http.RequestAborted);
        await PersonalDataAudit.ReadAsync(db, http, "audit_log", null, new { wie = Actor, gegevens = Entity, nummer = EntityId });
        return entries;
    }
}
