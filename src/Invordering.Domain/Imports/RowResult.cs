namespace Invordering.Domain.Imports;

/// <summary>
/// One row read from an import file: the typed row when it is valid, otherwise the rules it breaks.
/// <see cref="Row"/> is null exactly when <see cref="Errors"/> is not empty.
/// </summary>
/// <param name="Line">The physical line where the row starts (1-based).</param>
/// <param name="Row">The typed row, or null when the row breaks a rule.</param>
/// <param name="Errors">The rules the row breaks; empty for a valid row.</param>
public sealed record RowResult<T>(long Line, T? Row, IReadOnlyList<ImportError> Errors)
    where T : class
{
    /// <summary>A valid row that repeats an earlier row of the same file; it must not be stored a second time.</summary>
    public bool IsDuplicate { get; init; }

    /// <summary>Whether the row breaks no rule.</summary>
    public bool IsValid => Errors.Count == 0;
}
