using Invordering.Domain.Imports;
using Invordering.Infrastructure.Persistence;
using Npgsql;

namespace Invordering.Infrastructure.Import;

/// <summary>How an import ended: its summary, or the reason the file as a whole was refused.</summary>
public sealed record ImportOutcome(ImportSummary? Summary, FileRejectedException? Rejected);

/// <summary>
/// An import on the service's date with its audit row: the batch it stored, or the refusal of a file that cannot be read.
/// The one way staff import, over the API (at once or in the background) and on the command line.
/// </summary>
public sealed class AuditedImport(ImportRunner runner, NpgsqlDataSource dataSource, TimeProvider time)
{
    /// <param name="source">Where the import came from, for the audit log: the API path, or the command.</param>
    public async Task<ImportOutcome> RunAsync(ImportKind kind, string path, string actor, string source,
        IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var today = await ServiceClock.TodayAsync(dataSource, time, ct);
        await using var db = Database.CreateContext(dataSource);
        ImportOutcome outcome;
        try
        {
            var summary = await runner.RunAsync(kind, path, actor, today, progress, ct);
            Audit.Record(db, actor, "import", "import_batch", summary.BatchId, source: source,
                details: new { kind = kind.Slug(), summary.File, summary.Rows, summary.Accepted, summary.Rejected, summary.Duplicates, summary.AlreadyImported });
            outcome = new ImportOutcome(summary, null);
        }
        catch (FileRejectedException rejected)
        {
            Audit.Record(db, actor, "import-rejected", "import_batch", null, source: source,
                details: new { kind = kind.Slug(), file = Path.GetFileName(path), code = rejected.Code });
            outcome = new ImportOutcome(null, rejected);
        }
        await db.SaveChangesAsync(ct);
        return outcome;
    }
}
