using System.Security.Claims;
using Invordering.Infrastructure.Persistence;
using Invordering.Web.Identity;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Web;

/// <summary>
/// Whose eyes a case is for: staff see every case; a field worker only the cases of tasks assigned to them.
/// </summary>
public static class CaseAccess
{
    public static async Task<bool> MayReadCaseAsync(ClaimsPrincipal user, long caseId, InvorderingDbContext db, CancellationToken ct)
    {
        if (user.IsInRole(StaffRoles.Collections)) return true;
        if (!user.IsInRole(StaffRoles.FieldTeam) || user.Identity?.Name is not { } name) return false;
        return await db.FieldTasks.AnyAsync(t => t.CaseId == caseId && t.AssignedTo == name, ct);
    }

    public static async Task<bool> MayDoTaskAsync(ClaimsPrincipal user, long taskId, InvorderingDbContext db, CancellationToken ct)
    {
        if (user.IsInRole(StaffRoles.Collections)) return true;
        if (!user.IsInRole(StaffRoles.FieldTeam) || user.Identity?.Name is not { } name) return false;
        return await db.FieldTasks.AnyAsync(t => t.Id == taskId && t.AssignedTo == name, ct);
    }

    /// <summary>The name the audit log and the journal know a person by.</summary>
    public static string Actor(ClaimsPrincipal user) => user.Identity?.Name ?? "anoniem";
}
