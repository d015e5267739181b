namespace Invordering.Infrastructure.Import;

/// <summary>The kinds of file the service takes in.</summary>
public enum ImportKind { Aanslagen, Betalingen, Historie }

/// <summary>Slugs as used on the command line, in the API and in import_batches.kind.</summary>
public static class ImportKinds
{
    public static string Slug(this ImportKind kind) => kind.ToString().ToLowerInvariant();

    public static bool TryParse(string? slug, out ImportKind kind) =>
        Enum.TryParse(slug, ignoreCase: true, out kind) && Enum.IsDefined(kind);
}
