using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;

namespace Invordering.Web;

/// <summary>
/// Writes an audit row for every look at a person's data: who, which data, when, on which page or endpoint.
/// The source is the path without its query, so a searched BSN never lands in the log.
/// </summary>
public static class PersonalDataAudit
{
    public static Task ReadAsync(InvorderingDbContext db, HttpContext http, string entity, object? id, object? details = null)
    {
        Audit.Record(db, CaseAccess.Actor(http.User), "read", entity, id, source: http.Request.Path, details: details);
        return db.SaveChangesAsync(http.RequestAborted);
    }

    /// <summary>A refused look at a person's data is recorded too.</summary>
    public static Task DeniedAsync(InvorderingDbContext db, HttpContext http, string entity, object? id)
    {
        Audit.Record(db, CaseAccess.Actor(http.User), "denied", entity, id, source: http.Request.Path);
        return db.SaveChangesAsync(http.RequestAborted);
    }
}
