using Invordering.Infrastructure.Persistence;
using Invordering.Web;
using Invordering.Web.Identity;

namespace Invordering.Apis;

/// <summary>/api/audit-log: the audit log for auditors, as on the page (newest first, filtered; reading it is audited).</summary>
public static class AuditLogApi
{
    public static IEndpointRouteBuilder MapAuditLogApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit-log", async (string? actor, string? entity, string? entityId, InvorderingDbContext db, HttpContext http) =>
                (await new AuditLogQuery(actor, entity, entityId).ReadAuditedAsync(db, http))
                .Select(e => new AuditLogLine(e.Id, e.At, e.Actor, e.Action, e.Entity, e.EntityId, e.Source, e.Reason, e.Details)).ToList())
            .WithTags("Audit").WithName("GetAuditLog").RequireAuthorization(StaffPolicies.AuditReading);
        return app;
    }
}

/// <summary>One line of the audit log: who did what with which record, when, from where, why and with which details (JSON).</summary>
public sealed record AuditLogLine(long Id, DateTimeOffset At, string Actor, string Action, string Entity, string? EntityId, string? Source, string? Reason, string? Details);
