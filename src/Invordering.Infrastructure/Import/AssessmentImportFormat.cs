using Invordering.Domain.Imports;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Import;

/// <summary>aanslagen: debtors upserted by BSN or KvK, assessments and their instalments inserted.</summary>
public sealed class AssessmentImportFormat(DateOnly today) : ImportFormat<AssessmentRow>
{
    public override ImportKind Kind => ImportKind.Aanslagen;

    public override string StagingTable => "staging_assessments";

    protected override IReadOnlyList<string> StagingColumns { get; } =
        ["assessment_number", "tax_year", "issue_date", "due_date", "instalments", "direct_debit", "amount_cents",
         "payment_reference", "bsn", "kvk", "name", "street", "house_number", "postcode", "city", "phone", "email", "tax_kind", "content_hash"];

    public override IEnumerable<RowResult<AssessmentRow>> Read(Stream stream) => new AssessmentFileReader(today).Read(stream);

    protected override void WriteColumns(NpgsqlBinaryImporter importer, AssessmentRow row)
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
        importer.Write(unchecked((long)row.ComputeContentHash()), NpgsqlDbType.Bigint);
    }

    public override string MergeSql => """
        -- A number already stored: the same content is a duplicate, other content an error.
        WITH known AS (
            DELETE FROM staging_assessments s USING assessments a
            WHERE s.batch_id = @batch AND a.assessment_number = s.assessment_number
            RETURNING s.line, s.assessment_number, a.content_hash = s.content_hash AS same
        ), conflicts AS (
            INSERT INTO import_rejections (batch_id, line, column_name, code, message)
            SELECT @batch, line, 'aanslagnummer', 'aanslagnummer-bestaat-anders',
                   format('Aanslagnummer %s is al ingelezen met andere gegevens. Pas het nummer of de gegevens aan.', assessment_number)
            FROM known WHERE NOT same
        )
        UPDATE import_batches SET duplicates = duplicates + (SELECT count(*) FROM known WHERE same) WHERE id = @batch;

        -- A payment reference belongs to one assessment only: in the database and within the file.
        WITH taken AS (
            DELETE FROM staging_assessments s USING assessments a
            WHERE s.batch_id = @batch AND a.payment_reference = s.payment_reference
            RETURNING s.line, s.payment_reference
        )
        INSERT INTO import_rejections (batch_id, line, column_name, code, message)
        SELECT @batch, line, 'betalingskenmerk', 'kenmerk-bestaat-al',
               format('Betalingskenmerk %s hoort al bij een ander aanslagnummer.', payment_reference)
        FROM taken;
        WITH repeated AS (
            DELETE FROM staging_assessments s
            USING (SELECT line, row_number() OVER (PARTITION BY payment_reference ORDER BY line) AS n
                   FROM staging_assessments WHERE batch_id = @batch) r
            WHERE s.batch_id = @batch AND s.line = r.line AND r.n > 1
            RETURNING s.line, s.payment_reference
        )
        INSERT INTO import_rejections (batch_id, line, column_name, code, message)
        SELECT @batch, line, 'betalingskenmerk', 'kenmerk-dubbel',
               format('Betalingskenmerk %s staat eerder in dit bestand bij een ander aanslagnummer.', payment_reference)
        FROM repeated;

        -- Debtors by BSN or KvK: the newest name, address and contact data replace older.
        INSERT INTO debtors AS d (bsn, name, street, house_number, postcode, city, phone, email)
        SELECT DISTINCT ON (bsn) bsn, name, street, house_number, postcode, city, phone, email
        FROM staging_assessments WHERE batch_id = @batch AND bsn IS NOT NULL
        ORDER BY bsn, line DESC
        ON CONFLICT (bsn) DO UPDATE SET
            name = excluded.name, street = excluded.street, house_number = excluded.house_number,
            postcode = excluded.postcode, city = excluded.city,
            phone = coalesce(excluded.phone, d.phone), email = coalesce(excluded.email, d.email), updated_at = now()
        WHERE (d.name, d.street, d.house_number, d.postcode, d.city, d.phone, d.email) IS DISTINCT FROM
              (excluded.name, excluded.street, excluded.house_number, excluded.postcode, excluded.city,
               coalesce(excluded.phone, d.phone), coalesce(excluded.email, d.email));
        INSERT INTO debtors AS d (kvk, name, street, house_number, postcode, city, phone, email)
        SELECT DISTINCT ON (kvk) kvk, name, street, house_number, postcode, city, phone, email
        FROM staging_assessments WHERE batch_id = @batch AND kvk IS NOT NULL
        ORDER BY kvk, line DESC
        ON CONFLICT (kvk) DO UPDATE SET
            name = excluded.name, street = excluded.street, house_number = excluded.house_number,
            postcode = excluded.postcode, city = excluded.city,
            phone = coalesce(excluded.phone, d.phone), email = coalesce(excluded.email, d.email), updated_at = now()
        WHERE (d.name, d.street, d.house_number, d.postcode, d.city, d.phone, d.email) IS DISTINCT FROM
              (excluded.name, excluded.street, excluded.house_number, excluded.postcode, excluded.city,
               coalesce(excluded.phone, d.phone), coalesce(excluded.email, d.email));

        -- Assessments, and the monthly instalments of those paid in parts.
        WITH inserted AS (
            INSERT INTO assessments (assessment_number, debtor_id, tax_year, issue_date, due_date, instalments,
                                     direct_debit, amount_cents, payment_reference, tax_kind, content_hash, batch_id)
            SELECT s.assessment_number, coalesce(db.id, dk.id), s.tax_year, s.issue_date, s.due_date, s.instalments,
                   s.direct_debit, s.amount_cents, s.payment_reference, s.tax_kind, s.content_hash, @batch
            FROM staging_assessments s
            LEFT JOIN debtors db ON db.bsn = s.bsn
            LEFT JOIN debtors dk ON dk.kvk = s.kvk
            WHERE s.batch_id = @batch
            RETURNING id, instalments, due_date, amount_cents
        ), parts AS (
            INSERT INTO assessment_instalments (assessment_id, sequence, due_date, amount_cents)
            SELECT i.id, n, (i.due_date + make_interval(months => n - 1))::date,
                   i.amount_cents / i.instalments + CASE WHEN n <= i.amount_cents % i.instalments THEN 1 ELSE 0 END
            FROM inserted i, generate_series(1, i.instalments) AS n
            WHERE i.instalments > 1
        )
        UPDATE import_batches SET accepted = (SELECT count(*) FROM inserted) WHERE id = @batch;
        """;
}
