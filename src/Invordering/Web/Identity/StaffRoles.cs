namespace Invordering.Web.Identity;

/// <summary>The four roles of the people who use the service, with what each is called on screen.</summary>
public static class StaffRoles
{
    /// <summary>Staff managing cases.</summary>
    public const string Collections = "invordering";

    /// <summary>Field workers: only their own tasks and the case data those need.</summary>
    public const string FieldTeam = "buitendienst";

    /// <summary>Administrators: workflows, templates, tariffs, users. Must use two-factor sign-in.</summary>
    public const string Administration = "beheer";

    /// <summary>Read-only: the audit log.</summary>
    public const string Auditor = "auditor";

    public static IReadOnlyList<string> All { get; } = [Collections, FieldTeam, Administration, Auditor];

    public static string Describe(string role) => role switch
    {
        Collections => "medewerker invordering",
        FieldTeam => "medewerker buitendienst",
        Administration => "beheerder",
        Auditor => "auditor",
        _ => role,
    };
}
