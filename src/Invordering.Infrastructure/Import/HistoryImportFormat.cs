using Invordering.Domain;
using Invordering.Domain.Imports;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Import;

/// <summary>historie: how earlier claims ended, kept for segmentation.</summary>
public sealed class HistoryImportFormat(DateOnly today) : ImportFormat<HistoryRow>
{
    public override ImportKind Kind => ImportKind.Historie;

    public override string StagingTable => "staging_history";

    protected override IReadOnlyList<string> StagingColumns { get; } =
        ["bsn", "kvk", "tax_year", "assessment_number", "amount_cents", "outcome", "days_late", "settled_on"];

    public override IEnumerable<RowResult<HistoryRow>> Read(Stream stream) => new HistoryFileReader(today).Read(stream);

    protected override void WriteColumns(NpgsqlBinaryImporter importer, HistoryRow row)
    {
        Text(importer, row.Bsn?.Value);
        Text(importer, row.Kvk?.Value);
        importer.Write((short)row.TaxYear, NpgsqlDbType.Smallint);
        importer.Write(row.AssessmentNumber, NpgsqlDbType.Text);
        importer.Write(row.Amount.Cents, NpgsqlDbType.Bigint);
        importer.Write(row.Outcome.ToSlug(), NpgsqlDbType.Text);
        if (row.DaysLate is { } late) importer.Write(late, NpgsqlDbType.Integer); else importer.WriteNull();
        if (row.SettledOn is { } settled) importer.Write(settled, NpgsqlDbType.Date); else importer.WriteNull();
    }

    public override string MergeSql => """
        -- A claim already in the history, or earlier in this file, is a duplicate.
        WITH known AS (
            DELETE FROM staging_history s USING payment_history h
            WHERE s.batch_id = @batch AND h.assessment_number = s.assessment_number AND h.tax_year = s.tax_year
            RETURNING s.line
        ), repeated AS (
            DELETE FROM staging_history s
            USING (SELECT line, row_number() OVER (PARTITION BY assessment_number, tax_year ORDER BY line) AS n
                   FROM staging_history WHERE batch_id = @batch) r
            WHERE s.batch_id = @batch AND s.line = r.line AND r.n > 1
            RETURNING s.line
        )
        UPDATE import_batches
        SET duplicates = duplicates + (SELECT count(*) FROM known) + (SELECT count(*) FROM repeated)
        WHERE id = @batch;

        WITH inserted AS (
            INSERT INTO payment_history (bsn, kvk, tax_year, assessment_number, amount_cents, outcome, days_late, settled_on, batch_id)
            SELECT bsn, kvk, tax_year, assessment_number, amount_cents, outcome, days_late, settled_on, @batch
            FROM staging_history WHERE batch_id = @batch
            RETURNING 1
        )
        UPDATE import_batches SET accepted = (SELECT count(*) FROM inserted) WHERE id = @batch;
        """;
}
