using System.Globalization;
using Invordering.Domain.Imports;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Import;

/// <summary>aanslagen: debtors upserted by BSN or KvK, assessments inserted (their instalments follow from them: a view).</summary>
public sealed class AssessmentImportFormat(DateOnly today) : ImportFormat<AssessmentRow>
{
    public override ImportKind Kind => ImportKind.Aanslagen;

    public override string StagingTable => "staging_assessments";

    public override IReadOnlyList<string> BulkLoadTables { get; } = ["debtors", "assessments"];

    protected override IReadOnlyList<string> StagingColumns { get; } =
        ["assessment_number", "tax_year", "issue_date", "due_date", "instalments", "direct_debit", "amount_cents",
         "payment_reference", "bsn", "kvk", "name", "street", "house_number", "postcode", "city", "phone", "email", "tax_kind", "content_hash"];

    /// <summary>
    /// The reader's rows, and one more rule it cannot know: a betalingskenmerk belongs to one
    /// assessment, so a kenmerk used by an earlier row of the file rejects the row. Checked here,
    /// while streaming, rather than by sorting the staged batch.
    /// </summary>
    public override IEnumerable<RowResult<AssessmentRow>> Read(Stream stream)
    {
        var references = new HashSet<long>();
        foreach (var result in new AssessmentFileReader(today).Read(stream))
        {
            if (result.Row is { } row && !result.IsDuplicate && !references.Add(long.Parse(row.PaymentReference.Value, CultureInfo.InvariantCulture)))
            {
                yield return result with
                {
                    Row = null,
                    Errors = [new ImportError(result.Line, "betalingskenmerk", "kenmerk-dubbel",
                        $"Betalingskenmerk {row.PaymentReference.Value} staat eerder in dit bestand bij een ander aanslagnummer.")],
                };
                continue;
            }
            yield return result;
        }
    }

    protected override void WriteColumns(NpgsqlBinaryImporter importer, AssessmentRow row)
    {
        WriteFileColumns(importer, row);
        importer.Write(unchecked((long)row.ComputeContentHash()), NpgsqlDbType.Bigint);
    }

    /// <summary>The row's columns as the file gives them (without the content hash): staging, and the benchmark's raw COPY.</summary>
    public static void WriteFileColumns(NpgsqlBinaryImporter importer, AssessmentRow row)
    {
        importer.Write(row.AssessmentNumber, NpgsqlDbType.Text);
        importer.Write((short)row.TaxYear, NpgsqlDbType.Smallint);
        importer.Write(row.IssueDate, NpgsqlDbType.Date);
        importer.Write(row.DueDate, NpgsqlDbType.Date);
        importer.Write((short)row.Instalments, NpgsqlDbType.Smallint);
        importer.Write(row.DirectDebit, NpgsqlDbType.Boolean);
        importer.Write(row.Amount.Cents, NpgsqlDbType.Bigint);
        importer.Write(row.PaymentReference.Value, NpgsqlDbType.Text);
        Text(importer, row.Bsn?.Value);
        Text(importer, row.Kvk?.Value);
        importer.Write(row.Name, NpgsqlDbType.Text);
        importer.Write(row.Street, NpgsqlDbType.Text);
        importer.Write(row.HouseNumber, NpgsqlDbType.Text);
        importer.Write(row.Postcode.Value, NpgsqlDbType.Text);
        importer.Write(row.City, NpgsqlDbType.Text);
        Text(importer, row.Phone);
        Text(importer, row.Email);
        Text(importer, row.TaxKind);
    }

    /// <summary>
    /// Debtors by BSN or KvK number: the batch's newest row of each (the last line) updates a
    /// known debtor whose data differ (a phone or e-mail left empty keeps the stored one) or
    /// inserts a new one. An update and a plain insert, not INSERT ... ON CONFLICT, which costs
    /// a speculative insertion per row; merges run one at a time, so no other merge adds debtors meanwhile.
    /// The rows are sorted byte-wise (COLLATE "C"): the keys are digits, and a locale's comparison
    /// made this sort of a million rows several times slower.
    /// </summary>
    private static string UpsertDebtors(string key, int length) => $"""
        WITH newest AS (
            SELECT DISTINCT ON ({key} COLLATE "C") {key}::char({length}) AS {key}, name, street, house_number, postcode, city, phone, email
            FROM staging_assessments WHERE batch_id = @batch AND err_code IS NULL AND {key} IS NOT NULL
            ORDER BY {key} COLLATE "C", line DESC
        ), changed AS (
            UPDATE debtors d SET
                name = n.name, street = n.street, house_number = n.house_number, postcode = n.postcode, city = n.city,
                phone = coalesce(n.phone, d.phone), email = coalesce(n.email, d.email), updated_at = now()
            FROM newest n
            WHERE d.{key} = n.{key}
              AND (d.name, d.street, d.house_number, d.postcode, d.city, d.phone, d.email) IS DISTINCT FROM
                  (n.name, n.street, n.house_number, n.postcode, n.city, coalesce(n.phone, d.phone), coalesce(n.email, d.email))
        )
        INSERT INTO debtors ({key}, name, street, house_number, postcode, city, phone, email)
        SELECT n.{key}, n.name, n.street, n.house_number, n.postcode, n.city, n.phone, n.email
        FROM newest n
        WHERE NOT EXISTS (SELECT 1 FROM debtors d WHERE d.{key} = n.{key})
        """;

    public override IReadOnlyList<MergeStep> MergeSteps { get; } =
    [
        new("aanslagnummer al bekend", """
            -- A number already stored: the same content is a duplicate, other content an error.
            WITH known AS (
                DELETE FROM staging_assessments s USING assessments a
                WHERE s.batch_id = @batch AND s.err_code IS NULL AND a.assessment_number = s.assessment_number
                RETURNING s.line, s.assessment_number, a.content_hash = s.content_hash AS same
            ), conflicts AS (
                INSERT INTO import_rejections (batch_id, line, column_name, code, message)
                SELECT @batch, line, 'aanslagnummer', 'aanslagnummer-bestaat-anders',
                       format('Aanslagnummer %s is al ingelezen met andere gegevens. Pas het nummer of de gegevens aan.', assessment_number)
                FROM known WHERE NOT same
            )
            UPDATE import_batches SET duplicates = duplicates + (SELECT count(*) FROM known WHERE same) WHERE id = @batch
            """),
        new("betalingskenmerk al bekend", """
            -- A payment reference belongs to one assessment only (within the file: see Read).
            WITH taken AS (
                DELETE FROM staging_assessments s USING assessments a
                WHERE s.batch_id = @batch AND s.err_code IS NULL AND a.payment_reference = s.payment_reference::char(16)
                RETURNING s.line, s.payment_reference
            )
            INSERT INTO import_rejections (batch_id, line, column_name, code, message)
            SELECT @batch, line, 'betalingskenmerk', 'kenmerk-bestaat-al',
                   format('Betalingskenmerk %s hoort al bij een ander aanslagnummer.', payment_reference)
            FROM taken
            """),
        // Statistics of the debtors afterwards: the assessments' join to them is planned on what they hold now.
        new("debiteuren", $"{UpsertDebtors("bsn", 9)};\n{UpsertDebtors("kvk", 8)};\nANALYZE debtors"),
        new("aanslagen", """
            WITH inserted AS (
                INSERT INTO assessments (assessment_number, debtor_id, tax_year, issue_date, due_date, instalments,
                                         direct_debit, amount_cents, payment_reference, tax_kind, content_hash, batch_id)
                SELECT s.assessment_number, coalesce(db.id, dk.id), s.tax_year, s.issue_date, s.due_date, s.instalments,
                       s.direct_debit, s.amount_cents, s.payment_reference, s.tax_kind, s.content_hash, @batch
                FROM staging_assessments s
                LEFT JOIN debtors db ON db.bsn = s.bsn::char(9)
                LEFT JOIN debtors dk ON dk.kvk = s.kvk::char(8)
                WHERE s.batch_id = @batch AND s.err_code IS NULL
                RETURNING 1
            )
            UPDATE import_batches SET accepted = (SELECT count(*) FROM inserted) WHERE id = @batch
            """),
    ];
}
