using Invordering.Domain.Imports;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Import;

/// <summary>
/// One kind of file: how its rows are read, how they are staged by binary COPY, and the set-based
/// SQL steps that merge a staged batch (parameter @batch) into the tables.
/// </summary>
/// <remarks>
/// Staging writes are synchronous on purpose: a million rows of twenty fields are twenty million
/// calls, and the importer buffers them; an await per field would cost more than the COPY itself.
/// </remarks>
public abstract class ImportFormat<TRow> where TRow : class
{
    public abstract ImportKind Kind { get; }

    /// <summary>The staging table; its first five columns are batch_id, line, err_column, err_code, err_message.</summary>
    public abstract string StagingTable { get; }

    /// <summary>The kind-specific staging columns, in the order <see cref="WriteColumns"/> writes them.</summary>
    protected abstract IReadOnlyList<string> StagingColumns { get; }

    public string CopyCommand =>
        $"COPY {StagingTable} (batch_id, line, err_column, err_code, err_message, {string.Join(", ", StagingColumns)}) FROM STDIN (FORMAT BINARY)";

    /// <summary>
    /// The merge, one named SQL statement per step, run in one transaction after the rows staged
    /// as errors became rejections. Staged rows with err_code set are rejections and must be
    /// skipped. The steps reject rows that conflict with stored data, count duplicates, insert
    /// the rest and add to the batch's accepted count.
    /// </summary>
    public abstract IReadOnlyList<MergeStep> MergeSteps { get; }

    /// <summary>
    /// The tables a large batch fills, whose indexes, unique keys and foreign keys may be dropped
    /// during the merge and built again after it (<see cref="BulkLoad"/>); only tables whose
    /// uniqueness the merge does not leave to those keys (it inserts what it checked, without ON
    /// CONFLICT). None by default.
    /// </summary>
    public virtual IReadOnlyList<string> BulkLoadTables => [];

    public abstract IEnumerable<RowResult<TRow>> Read(Stream stream);

    /// <summary>Writes the kind-specific columns of a valid row (after the common five).</summary>
    protected abstract void WriteColumns(NpgsqlBinaryImporter importer, TRow row);

    public void WriteRow(NpgsqlBinaryImporter importer, long batchId, long line, TRow row)
    {
        importer.StartRow();
        importer.Write(batchId, NpgsqlDbType.Bigint);
        importer.Write(line, NpgsqlDbType.Bigint);
        importer.WriteNull();
        importer.WriteNull();
        importer.WriteNull();
        WriteColumns(importer, row);
    }

    public void WriteError(NpgsqlBinaryImporter importer, long batchId, ImportError error)
    {
        importer.StartRow();
        importer.Write(batchId, NpgsqlDbType.Bigint);
        importer.Write(error.Line, NpgsqlDbType.Bigint);
        importer.Write(error.Column, NpgsqlDbType.Text);
        importer.Write(error.Code, NpgsqlDbType.Text);
        importer.Write(error.Message, NpgsqlDbType.Text);
        for (var i = 0; i < StagingColumns.Count; i++) importer.WriteNull();
    }

    /// <summary>Writes a text value or NULL.</summary>
    protected static void Text(NpgsqlBinaryImporter importer, string? value)
    {
        if (value is null) importer.WriteNull();
        else importer.Write(value, NpgsqlDbType.Text);
    }
}

/// <summary>One statement of a merge; the name shows in timings (`bench import`).</summary>
public sealed record MergeStep(string Name, string Sql);
