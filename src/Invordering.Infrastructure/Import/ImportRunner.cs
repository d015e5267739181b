using System.Security.Cryptography;
using Invordering.Domain.Imports;
using Npgsql;

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

    public Task<ImportSummary> RunAsync(ImportKind kind, string path, string actor, DateOnly today,
        IProgress<ImportProgress>? progress = null, CancellationToken ct = default) => kind switch
    {
        ImportKind.Aanslagen => RunAsync(new AssessmentImportFormat(today), path, actor, progress, ct),
        ImportKind.Betalingen => RunAsync(new PaymentImportFormat(), path, actor, progress, ct),
        ImportKind.Historie => RunAsync(new HistoryImportFormat(today), path, actor, progress, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    public async Task<ImportSummary> RunAsync<TRow>(ImportFormat<TRow> format, string path, string actor,
        IProgress<ImportProgress>? progress, CancellationToken ct) where TRow : class
    {
        var fileName = Path.GetFileName(path);
        var sha256 = await Sha256Async(path, ct);
        await using var connection = await dataSource.OpenConnectionAsync(ct);

        var earlier = await FindBatchAsync(connection, format.Kind, sha256, ct);
        if (earlier is { Status: "merged" })
            return await SummaryAsync(connection, earlier.Value.Id, fileName, alreadyImported: true, ct);

        var batchId = earlier is { Status: "staged" } ? earlier.Value.Id : 0;
        if (batchId == 0)
        {
            try
            {
                batchId = await StageAsync(connection, format, path, fileName, sha256, actor, progress, ct);
            }
            catch (FileRejectedException rejected)
            {
                await RecordRejectedFileAsync(connection, format.Kind, fileName, sha256, actor, rejected, ct);
                throw;
            }
        }
        progress?.Report(new ImportProgress("samenvoegen", 0, 0));
        await MergeAsync(connection, format, batchId, ct);
        return await SummaryAsync(connection, batchId, fileName, alreadyImported: false, ct);
    }

    private static async Task<long> StageAsync<TRow>(NpgsqlConnection connection, ImportFormat<TRow> format, string path,
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

        int rows = 0, duplicates = 0;
        await using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
        {
            var total = stream.Length;
            await using var importer = await connection.BeginBinaryImportAsync(format.CopyCommand, ct);
            foreach (var result in format.Read(stream))
            {
                rows++;
                if (result.Errors.Count > 0)
                    foreach (var error in result.Errors) format.WriteError(importer, batchId, error);
                else if (result.IsDuplicate) duplicates++;
                else format.WriteRow(importer, batchId, result.Line, result.Row!);

                if (rows % ProgressEveryRows == 0)
                {
                    ct.ThrowIfCancellationRequested();
                    progress?.Report(new ImportProgress("inlezen", stream.Position, total));
                }
            }
            await importer.CompleteAsync(ct);
            progress?.Report(new ImportProgress("inlezen", total, total));
        }

        await using (var update = new NpgsqlCommand(
            "UPDATE import_batches SET rows_read = @rows, duplicates = @duplicates WHERE id = @batch", connection, tx))
        {
            update.Parameters.AddWithValue("rows", rows);
            update.Parameters.AddWithValue("duplicates", duplicates);
            update.Parameters.AddWithValue("batch", batchId);
            await update.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return batchId;
    }

    private static async Task MergeAsync<TRow>(NpgsqlConnection connection, ImportFormat<TRow> format, long batchId, CancellationToken ct) where TRow : class
    {
        var staging = format.StagingTable;
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var rejections = new NpgsqlCommand(
            $"""
            INSERT INTO import_rejections (batch_id, line, column_name, code, message)
            SELECT batch_id, line, err_column, err_code, err_message FROM {staging}
            WHERE batch_id = @batch AND err_code IS NOT NULL
            ON CONFLICT DO NOTHING;
            DELETE FROM {staging} WHERE batch_id = @batch AND err_code IS NOT NULL;
            """, connection, tx) { CommandTimeout = 0 })
        {
            rejections.Parameters.AddWithValue("batch", batchId);
            await rejections.ExecuteNonQueryAsync(ct);
        }
        await using (var merge = new NpgsqlCommand(format.MergeSql, connection, tx) { CommandTimeout = 0 })
        {
            merge.Parameters.AddWithValue("batch", batchId);
            await merge.ExecuteNonQueryAsync(ct);
        }
        await using (var finish = new NpgsqlCommand(
            $"""
            UPDATE import_batches SET status = 'merged', completed_at = now(),
                rejected = (SELECT count(DISTINCT line) FROM import_rejections WHERE batch_id = @batch)
            WHERE id = @batch;
            DELETE FROM {staging} WHERE batch_id = @batch;
            """, connection, tx))
        {
            finish.Parameters.AddWithValue("batch", batchId);
            await finish.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    private static async Task<(long Id, string Status)?> FindBatchAsync(NpgsqlConnection connection, ImportKind kind, string sha256, CancellationToken ct)
    {
        await using var find = new NpgsqlCommand(
            "SELECT id, status FROM import_batches WHERE kind = @kind AND sha256 = @sha AND status IN ('merged', 'staged') ORDER BY status = 'merged' DESC, id LIMIT 1",
            connection);
        find.Parameters.AddWithValue("kind", kind.Slug());
        find.Parameters.AddWithValue("sha", sha256);
        await using var reader = await find.ExecuteReaderAsync(ct);
        return await reader.ReadAsync(ct) ? (reader.GetInt64(0), reader.GetString(1)) : null;
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
        var errors = new List<ImportError>();
        await using (var select = new NpgsqlCommand(
            "SELECT line, column_name, code, message FROM import_rejections WHERE batch_id = @batch ORDER BY line, column_name LIMIT @max", connection))
        {
            select.Parameters.AddWithValue("batch", batchId);
            select.Parameters.AddWithValue("max", ImportSummary.MaxInlineErrors);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                errors.Add(new ImportError(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        }
        return new ImportSummary(batchId, fileName, rows, alreadyImported ? 0 : accepted, alreadyImported ? 0 : rejected,
            alreadyImported ? rows : duplicates, alreadyImported, errors);
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, ct));
    }
}
