using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Threading.Channels;
using Invordering.Domain.Imports;
using Npgsql;

[assembly: InternalsVisibleTo("Invordering.Infrastructure.Tests")]

namespace Invordering.Infrastructure.Import;

/// <summary>
/// Runs an import: the file's SHA-256 tells whether it was imported before; its rows are staged
/// by binary COPY in one transaction (with the batch row, so a kill while staging stores
/// nothing); then one set-based merge in a second transaction. A kill between the two leaves a
/// 'staged' batch, which the next run of the same file merges instead of reading it again.
/// </summary>
public sealed class ImportRunner(NpgsqlDataSource dataSource)
{
    private const int ProgressEveryRows = 20_000;
    private const int RowsPerBlock = 1_000;
    private const int QueuedBlocks = 16;

    /// <summary>Serialises merges: each one checks the batch against what is stored, so two must not interleave.</summary>
    private const long MergeLockKey = 0x49_4D50_5254; // "IMPRT" in ASCII

    public Task<ImportSummary> RunAsync(ImportKind kind, string path, string actor, DateOnly today,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default) => kind switch
    {
        ImportKind.Aanslagen => RunAsync(new AssessmentImportFormat(today), path, actor, progress, null, ct),
        ImportKind.Betalingen => RunAsync(new PaymentImportFormat(), path, actor, progress, null, ct),
        ImportKind.Historie => RunAsync(new HistoryImportFormat(today), path, actor, progress, null, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Runs the import of one file; <paramref name="timings"/>, when given, receives the time of each phase.</summary>
    /// <exception cref="FileRejectedException">The file cannot be read as its format; only a 'rejected' batch row is stored.</exception>
    public async Task<ImportSummary> RunAsync<TRow>(ImportFormat<TRow> format, string path, string actor,
        IProgress<ImportProgress>? progress, ImportTimings? timings, CancellationToken ct) where TRow : class
    {
        var fileName = Path.GetFileName(path);
        var sha256 = await Timed(timings, "sha-256", () => Sha256Async(path, ct));
        await using var connection = await dataSource.OpenConnectionAsync(ct);

        var earlier = await FindBatchAsync(connection, format, sha256, ct);
        if (earlier is { Status: "merged" })
            return await SummaryAsync(connection, earlier.Value.Id, fileName, alreadyImported: true, ct);

        var batchId = earlier?.Id
            ?? await Timed(timings, "inlezen en COPY", () => StageAsync(connection, format, path, fileName, sha256, actor, progress, ct));
        progress?.Report(new ImportProgress("samenvoegen", 0, 0));
        await MergeAsync(connection, format, batchId, timings, ct);
        return await SummaryAsync(connection, batchId, fileName, alreadyImported: false, ct);
    }

    /// <summary>The first phase alone: stages the file and returns its batch id (as if the import were stopped before the merge).</summary>
    internal async Task<long> StageOnlyAsync<TRow>(ImportFormat<TRow> format, string path, string actor, CancellationToken ct) where TRow : class
    {
        var sha256 = await Sha256Async(path, ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await StageAsync(connection, format, path, Path.GetFileName(path), sha256, actor, null, ct);
    }

    private static async Task<long> StageAsync<TRow>(NpgsqlConnection connection, ImportFormat<TRow> format, string path,
        string fileName, string sha256, string actor, IProgress<ImportProgress>? progress, CancellationToken ct) where TRow : class
    {
        try
        {
            return await StageRowsAsync(connection, format, path, fileName, sha256, actor, progress, ct);
        }
        catch (FileRejectedException rejected)
        {
            await RecordRejectedFileAsync(connection, format.Kind, fileName, sha256, actor, rejected, ct);
            throw;
        }
    }

    private static async Task<long> StageRowsAsync<TRow>(NpgsqlConnection connection, ImportFormat<TRow> format, string path,
        string fileName, string sha256, string actor, IProgress<ImportProgress>? progress, CancellationToken ct) where TRow : class
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        long batchId;
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO import_batches (kind, file_name, sha256, status, created_by) VALUES (@kind, @file, @sha, 'staged', @actor) RETURNING id",
            connection, tx))
        {
            insert.Parameters.AddWithValue("kind", format.Kind.Slug());
            insert.Parameters.AddWithValue("file", fileName);
            insert.Parameters.AddWithValue("sha", sha256);
            insert.Parameters.AddWithValue("actor", actor);
            batchId = (long)(await insert.ExecuteScalarAsync(ct))!;
        }

        int rows = 0, duplicates = 0, staged = 0;
        await using (var importer = await connection.BeginBinaryImportAsync(format.CopyCommand, ct))
        {
            // Parsing and COPY each take a core: the file is read on a thread of its own, and its
            // rows reach this one in blocks through a short queue, so at most a few blocks are held.
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var blocks = Channel.CreateBounded<RowResult<TRow>[]>(new BoundedChannelOptions(QueuedBlocks) { SingleReader = true, SingleWriter = true });
            var reading = Task.Factory.StartNew(() => ReadBlocks(format, path, blocks.Writer, progress, stop.Token),
                stop.Token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
            try
            {
                await foreach (var block in blocks.Reader.ReadAllAsync(stop.Token))
                {
                    foreach (var result in block)
                    {
                        rows++;
                        if (result.Errors.Count > 0)
                        {
                            foreach (var error in result.Errors) format.WriteError(importer, batchId, error);
                            staged += result.Errors.Count;
                        }
                        else if (result.IsDuplicate) duplicates++;
                        else
                        {
                            format.WriteRow(importer, batchId, result.Line, result.Row!);
                            staged++;
                        }
                    }
                }
            }
            finally
            {
                await stop.CancelAsync();
                await Task.WhenAny(reading); // the reader has let go of the file and the queue, whatever happened
            }
            await reading; // the reader's own failure (a rejected file) is the one to report
            await importer.CompleteAsync(ct);
        }

        await using (var update = new NpgsqlCommand(
            "UPDATE import_batches SET rows_read = @rows, duplicates = @duplicates, staged_rows = @staged WHERE id = @batch", connection, tx))
        {
            update.Parameters.AddWithValue("rows", rows);
            update.Parameters.AddWithValue("duplicates", duplicates);
            update.Parameters.AddWithValue("staged", staged);
            update.Parameters.AddWithValue("batch", batchId);
            await update.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return batchId;
    }

    /// <summary>Reads the file's rows into blocks for the COPY; completes the queue when the file ends or reading fails.</summary>
    private static void ReadBlocks<TRow>(ImportFormat<TRow> format, string path, ChannelWriter<RowResult<TRow>[]> blocks,
        IProgress<ImportProgress>? progress, CancellationToken ct) where TRow : class
    {
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            var total = stream.Length;
            var block = new List<RowResult<TRow>>(RowsPerBlock);
            long rows = 0;
            foreach (var result in format.Read(stream))
            {
                block.Add(result);
                if (block.Count == RowsPerBlock)
                {
                    blocks.WriteAsync([.. block], ct).AsTask().GetAwaiter().GetResult();
                    block.Clear();
                }
                if (++rows % ProgressEveryRows == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress("inlezen", stream.Position, total));
                }
            }
            if (block.Count > 0) blocks.WriteAsync([.. block], ct).AsTask().GetAwaiter().GetResult();
            progress?.Report(new ImportProgress("inlezen", total, total));
        }
        finally
        {
            blocks.Complete();
        }
    }

    private static async Task MergeAsync<TRow>(NpgsqlConnection connection, ImportFormat<TRow> format, long batchId,
        ImportTimings? timings, CancellationToken ct) where TRow : class
    {
        var staging = format.StagingTable;
        await using var tx = await connection.BeginTransactionAsync(ct);
        long stagedRows;
        await using (var claim = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(@lock); SELECT status, staged_rows FROM import_batches WHERE id = @batch FOR UPDATE", connection, tx))
        {
            claim.Parameters.AddWithValue("lock", MergeLockKey);
            claim.Parameters.AddWithValue("batch", batchId);
            await using var reader = await claim.ExecuteReaderAsync(ct);
            await reader.NextResultAsync(ct);
            await reader.ReadAsync(ct);
            // Another run of the same file may have merged the batch while this one waited for the lock.
            if (reader.GetString(0) == "merged") return;
            stagedRows = reader.GetInt32(1);
        }

        await RunStepsAsync(connection, tx, batchId, timings, ct,
        [
            // Statistics of the freshly staged rows, so that the planner joins a million rows by hash, not row by row.
            // No JIT: the instalments' generate_series makes every plan look expensive, and compiling
            // took seconds for a merge that runs once. Memory for index builds after a bulk load.
            new("statistieken", $"SET LOCAL work_mem = '256MB'; SET LOCAL maintenance_work_mem = '256MB'; SET LOCAL jit = off; ANALYZE {staging}"),
            new("afgewezen regels", $"""
                INSERT INTO import_rejections (batch_id, line, column_name, code, message)
                SELECT batch_id, line, err_column, err_code, err_message FROM {staging}
                WHERE batch_id = @batch AND err_code IS NOT NULL
                ON CONFLICT DO NOTHING
                """),
        ]);

        var bulk = await BulkLoad.PaysOffAsync(connection, tx, format.BulkLoadTables, stagedRows, ct)
            ? await Timed(timings, "indexen en sleutels weg", () => BulkLoad.SuspendAsync(connection, tx, format.BulkLoadTables, ct))
            : null;
        await RunStepsAsync(connection, tx, batchId, timings, ct, format.MergeSteps);
        if (bulk is not null)
            await Timed(timings, "indexen en sleutels terug", async () => { await bulk.RestoreAsync(connection, tx, ct); return 0; });

        await RunStepsAsync(connection, tx, batchId, timings, ct,
        [
            new("afronden", """
                UPDATE import_batches SET status = 'merged', completed_at = now(),
                    rejected = (SELECT count(DISTINCT line) FROM import_rejections WHERE batch_id = @batch)
                WHERE id = @batch
                """),
            // The staged rows go. Usually the table holds this batch alone, and emptying it is
            // instant where deleting a million rows is not. The lock first waits for any import
            // still staging, so that its batch is seen (and its rows kept) by the check; the
            // check reads the batches, not the million staged rows.
            new("tussenopslag opruimen", $"""
                LOCK TABLE {staging} IN ACCESS EXCLUSIVE MODE;
                DO $$
                BEGIN
                    IF EXISTS (SELECT 1 FROM import_batches WHERE kind = '{format.Kind.Slug()}' AND status = 'staged' AND id <> {batchId}) THEN
                        DELETE FROM {staging} WHERE batch_id = {batchId};
                    ELSE
                        TRUNCATE {staging};
                    END IF;
                END $$
                """),
        ]);
        await Timed(timings, "commit", async () => { await tx.CommitAsync(ct); return 0; });
    }

    private static async Task RunStepsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long batchId, ImportTimings? timings,
        CancellationToken ct, IEnumerable<MergeStep> steps)
    {
        foreach (var step in steps)
        {
            await Timed(timings, step.Name, async () =>
            {
                await using var command = new NpgsqlCommand(step.Sql, connection, tx) { CommandTimeout = 0 };
                command.Parameters.AddWithValue("batch", batchId);
                return await command.ExecuteNonQueryAsync(ct);
            });
        }
    }

    /// <summary>
    /// The batch of this file that was merged, or staged and still whole. Staging tables are
    /// unlogged, so a database crash empties them: a staged batch whose rows are gone is
    /// dropped, and the file is read again.
    /// </summary>
    private static async Task<(long Id, string Status)?> FindBatchAsync<TRow>(NpgsqlConnection connection, ImportFormat<TRow> format,
        string sha256, CancellationToken ct) where TRow : class
    {
        long id, stagedRows;
        string status;
        await using (var find = new NpgsqlCommand(
            """
            SELECT id, status, staged_rows FROM import_batches
            WHERE kind = @kind AND sha256 = @sha AND status IN ('merged', 'staged')
            ORDER BY status = 'merged' DESC, id DESC LIMIT 1
            """, connection))
        {
            find.Parameters.AddWithValue("kind", format.Kind.Slug());
            find.Parameters.AddWithValue("sha", sha256);
            await using var reader = await find.ExecuteReaderAsync(ct);
            if (!await reader.ReadAsync(ct)) return null;
            (id, status, stagedRows) = (reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2));
        }
        if (status == "merged") return (id, status);

        await using var check = new NpgsqlCommand($"SELECT count(*) FROM {format.StagingTable} WHERE batch_id = @batch", connection);
        check.Parameters.AddWithValue("batch", id);
        if ((long)(await check.ExecuteScalarAsync(ct))! == stagedRows) return (id, status);

        await using var drop = new NpgsqlCommand(
            $"DELETE FROM {format.StagingTable} WHERE batch_id = @batch; DELETE FROM import_batches WHERE id = @batch AND status = 'staged'", connection);
        drop.Parameters.AddWithValue("batch", id);
        await drop.ExecuteNonQueryAsync(ct);
        return null;
    }

    private static async Task RecordRejectedFileAsync(NpgsqlConnection connection, ImportKind kind, string fileName, string sha256,
        string actor, FileRejectedException rejected, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand(
            "INSERT INTO import_batches (kind, file_name, sha256, status, message, created_by, completed_at) VALUES (@kind, @file, @sha, 'rejected', @message, @actor, now())",
            connection);
        insert.Parameters.AddWithValue("kind", kind.Slug());
        insert.Parameters.AddWithValue("file", fileName);
        insert.Parameters.AddWithValue("sha", sha256);
        insert.Parameters.AddWithValue("message", rejected.Message);
        insert.Parameters.AddWithValue("actor", actor);
        await insert.ExecuteNonQueryAsync(ct);
    }

    private static async Task<ImportSummary> SummaryAsync(NpgsqlConnection connection, long batchId, string fileName, bool alreadyImported, CancellationToken ct)
    {
        int rows, accepted, rejected, duplicates;
        await using (var batch = new NpgsqlCommand("SELECT rows_read, accepted, rejected, duplicates FROM import_batches WHERE id = @batch", connection))
        {
            batch.Parameters.AddWithValue("batch", batchId);
            await using var reader = await batch.ExecuteReaderAsync(ct);
            await reader.ReadAsync(ct);
            (rows, accepted, rejected, duplicates) = (reader.GetInt32(0), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3));
        }
        // The same file again changes nothing: every row counts as a duplicate of the batch that stored it.
        if (alreadyImported) return new ImportSummary(batchId, fileName, rows, 0, 0, rows, true, []);

        var errors = new List<ImportError>();
        await using (var select = new NpgsqlCommand(
            """
            SELECT line, column_name, code, message FROM import_rejections WHERE batch_id = @batch
            ORDER BY line, column_name COLLATE "C", code COLLATE "C" LIMIT @max
            """, connection))
        {
            select.Parameters.AddWithValue("batch", batchId);
            select.Parameters.AddWithValue("max", ImportSummary.MaxInlineErrors);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                errors.Add(new ImportError(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return new ImportSummary(batchId, fileName, rows, accepted, rejected, duplicates, false, errors);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }

    private static async Task<T> Timed<T>(ImportTimings? timings, string phase, Func<Task<T>> run)
    {
        if (timings is null) return await run();
        var clock = Stopwatch.StartNew();
        var result = await run();
        timings.Add(phase, clock.Elapsed);
        return result;
    }
}
