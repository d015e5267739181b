namespace Invordering.Workflows;

/// <summary>The slugs of the three customer groups (klantgroepen) a workflow can serve.</summary>
public static class SegmentSlug
{
    /// <summary>Can and will pay: forgot or was late.</summary>
    public const string KanEnWil = "kan-en-wil";

    /// <summary>Can pay but does not.</summary>
    public const string WilNiet = "wil-niet";

    /// <summary>Cannot pay.</summary>
    public const string KanNiet = "kan-niet";

    /// <summary>All known segment slugs.</summary>
    public static IReadOnlyList<string> All { get; } = [KanEnWil, WilNiet, KanNiet];

    /// <summary>Whether <paramref name="slug"/> is one of the known segments.</summary>
    public static bool IsKnown(string? slug) => slug is not null && All.Contains(slug);
}
