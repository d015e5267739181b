using Invordering.Domain.Imports;

namespace Invordering.Infrastructure.Import;

/// <summary>What an import did; printed as text or as the JSON object of the formats README.</summary>
public sealed record ImportSummary(
    long BatchId,
    string File,
    int Rows,
    int Accepted,
    int Rejected,
    int Duplicates,
    bool AlreadyImported,
    IReadOnlyList<ImportError> Errors)
{
    /// <summary>At most this many errors are returned inline; all are stored and downloadable.</summary>
    public const int MaxInlineErrors = 1000;
}

/// <summary>Progress of a running import: bytes of the file read so far.</summary>
public readonly record struct ImportProgress(string Phase, long BytesRead, long BytesTotal);

/// <summary>How long each phase of an import took, in order; filled when passed to the runner (`bench import`).</summary>
public sealed class ImportTimings
{
    private readonly List<(string Phase, TimeSpan Elapsed)> _phases = [];

    public IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases => _phases;

    public void Add(string phase, TimeSpan elapsed) => _phases.Add((phase, elapsed));
}
