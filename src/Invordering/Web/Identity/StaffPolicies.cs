using Microsoft.AspNetCore.Authorization;

namespace Invordering.Web.Identity;

/// <summary>Who may do what: one policy per kind of work, each a set of roles.</summary>
public static class StaffPolicies
{
    /// <summary>Case work: search, case pages, actions, work queues, imports, print runs.</summary>
    public const string CaseWork = "zaakbehandeling";

    /// <summary>Reading a case: staff, and field workers for the cases of their own tasks (checked per case by <see cref="Web.CaseAccess"/>).</summary>
    public const string CaseReading = "zaak-lezen";

    /// <summary>Doing a task: a field worker's own task, or staff.</summary>
    public const string TaskWork = "taken";

    /// <summary>The field worker's own pages.</summary>
    public const string FieldWork = "buitendienst";

    /// <summary>Running segmentation: administrators and staff.</summary>
    public const string SegmentationRun = "segmentatie-uitvoeren";

    /// <summary>Letter templates: administrators.</summary>
    public const string Administration = "beheer";

    /// <summary>The audit log: auditors.</summary>
    public const string AuditReading = "audit";

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(CaseWork, p => p.RequireRole(StaffRoles.Collections));
        options.AddPolicy(CaseReading, p => p.RequireRole(StaffRoles.Collections, StaffRoles.FieldTeam));
        options.AddPolicy(TaskWork, p => p.RequireRole(StaffRoles.Collections, StaffRoles.FieldTeam));
        options.AddPolicy(FieldWork, p => p.RequireRole(StaffRoles.FieldTeam));
        options.AddPolicy(SegmentationRun, p => p.RequireRole(StaffRoles.Administration, StaffRoles.Collections));
        options.AddPolicy(Administration, p => p.RequireRole(StaffRoles.Administration));
        options.AddPolicy(AuditReading, p => p.RequireRole(StaffRoles.Auditor));
        // Everything not marked otherwise needs a signed-in person.
        options.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
    }
}
