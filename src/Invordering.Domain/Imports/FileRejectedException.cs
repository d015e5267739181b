namespace Invordering.Domain.Imports;

/// <summary>
/// The file cannot be read as its format at all (empty, not UTF-8, wrong separator, missing column, broken XML):
/// it is rejected whole. Readers stream, so this may surface after some rows were yielded; store nothing of the file then.
/// </summary>
public sealed class FileRejectedException(string code, string message) : Exception(message)
{
    /// <summary>A stable kebab-case id; see <see cref="FileRejectionCodes"/>.</summary>
    public string Code { get; } = code;
}
