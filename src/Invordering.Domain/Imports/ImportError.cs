namespace Invordering.Domain.Imports;

/// <summary>A rule a row of an import file breaks: where (line, column), a stable kebab-case code, and a Dutch message.</summary>
/// <param name="Line">The physical line where the row starts (1-based).</param>
/// <param name="Column">
/// The column (CSV) or element path below the entry (camt.053, e.g. <c>BookgDt</c>) the problem is in;
/// <c>bsn/kvk</c> when it concerns both; empty when the row as a whole is broken.
/// </param>
/// <param name="Code">A stable id such as <c>bsn-elfproef</c>; see <see cref="ImportErrorCodes"/>.</param>
/// <param name="Message">A clear Dutch sentence for the person who made the file; never holds a full BSN.</param>
public sealed record ImportError(long Line, string Column, string Code, string Message);
