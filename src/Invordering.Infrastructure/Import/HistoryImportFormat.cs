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

    /// <summary>The reader's rows; a claim (assessment number and tax year) earlier in the file makes a row a duplicate.</summary>
    public override IEnumerable<RowResult<HistoryRow>> Read(Stream stream)
    {
        var claims = new HashSet<(string, int)>();
        foreach (var result in new HistoryFileReader(today).Read(stream))
            yield return result.Row is { } row && !claims.Add((row.AssessmentNumber, row.TaxYear)) ? result with { IsDuplicate = true } : result;
    }

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

    public override IReadOnlyList<MergeStep> MergeSteps { get; } =
    [
        new("dubbele historie", """
            -- A claim already in the history is a duplicate (one earlier in the file: see Read).
            WITH known AS (
                DELETE FROM staging_history s USING payment_history h
                WHERE s.batch_id = @batch AND s.err_code IS NULL
                  AND h.assessment_number = s.assessment_number AND h.tax_year = s.tax_year
                RETURNING s.line
            )
            UPDATE import_batches SET duplicates = duplicates + (SELECT count(*) FROM known) WHERE id = @batch
            """),
        new("historie", """
            WITH inserted AS (
                INSERT INTO payment_history (bsn, kvk, tax_year, assessment_number, amount_cents, outcome, days_late, settled_on, batch_id)
                SELECT bsn, kvk, tax_year, assessment_number, amount_cents, outcome, days_late, settled_on, @batch
                FROM staging_history WHERE batch_id = @batch AND err_code IS NULL
                ORDER BY line
                RETURNING 1
            )
            UPDATE import_batches SET accepted = (SELECT count(*) FROM inserted) WHERE id = @batch
            """),
    ];
}
