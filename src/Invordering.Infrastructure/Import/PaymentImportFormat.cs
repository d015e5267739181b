using Invordering.Domain.Imports;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Import;

/// <summary>
/// betalingen (CSV or camt.053): matched by betalingskenmerk, else by an assessment number in the
/// description; unmatched ones wait for staff; a reversal undoes the payment it mirrors. Each
/// matched payment adds PaymentReceived to the outbox in the same transaction.
/// </summary>
public sealed class PaymentImportFormat : ImportFormat<PaymentRow>
{
    public override ImportKind Kind => ImportKind.Betalingen;

    public override string StagingTable => "staging_payments";

    protected override IReadOnlyList<string> StagingColumns { get; } =
        ["transaction_id", "booking_date", "amount_cents", "payment_reference", "description", "counterparty_iban", "counterparty_name"];

    public override IEnumerable<RowResult<PaymentRow>> Read(Stream stream) => new PaymentFileReader().Read(stream);

    protected override void WriteColumns(NpgsqlBinaryImporter importer, PaymentRow row)
    {
        importer.Write(row.TransactionId, NpgsqlDbType.Text);
        importer.Write(row.BookingDate, NpgsqlDbType.Date);
        importer.Write(row.Amount.Cents, NpgsqlDbType.Bigint);
        Text(importer, row.PaymentReference?.Value);
        Text(importer, row.Description);
        Text(importer, row.CounterpartyIban?.Value);
        Text(importer, row.CounterpartyName);
    }

    public override string MergeSql => """
        -- A transaction id already stored, or earlier in this file, is a duplicate.
        WITH known AS (
            DELETE FROM staging_payments s USING payments p
            WHERE s.batch_id = @batch AND p.transaction_id = s.transaction_id
            RETURNING s.line
        ), repeated AS (
            DELETE FROM staging_payments s
            USING (SELECT line, row_number() OVER (PARTITION BY transaction_id ORDER BY line) AS n
                   FROM staging_payments WHERE batch_id = @batch) r
            WHERE s.batch_id = @batch AND s.line = r.line AND r.n > 1
            RETURNING s.line
        )
        UPDATE import_batches
        SET duplicates = duplicates + (SELECT count(*) FROM known) + (SELECT count(*) FROM repeated)
        WHERE id = @batch;

        WITH matched AS (
            SELECT s.*, coalesce(by_reference.id, by_number.id) AS assessment_id
            FROM staging_payments s
            LEFT JOIN assessments by_reference ON by_reference.payment_reference = s.payment_reference
            LEFT JOIN LATERAL (
                SELECT a.id
                FROM regexp_split_to_table(s.description, '[^A-Za-z0-9-]+') WITH ORDINALITY AS t(token, position)
                JOIN assessments a ON a.assessment_number = t.token
                ORDER BY t.position LIMIT 1
            ) by_number ON by_reference.id IS NULL AND s.description IS NOT NULL
            WHERE s.batch_id = @batch
        ), inserted AS (
            INSERT INTO payments (transaction_id, booking_date, amount_cents, payment_reference, description,
                                  counterparty_iban, counterparty_name, assessment_id, status, batch_id)
            SELECT transaction_id, booking_date, amount_cents, payment_reference, description,
                   counterparty_iban, counterparty_name, assessment_id,
                   CASE WHEN assessment_id IS NULL THEN 'unmatched' WHEN amount_cents < 0 THEN 'reversal' ELSE 'matched' END,
                   @batch
            FROM matched
            ORDER BY line
            RETURNING id, assessment_id, amount_cents, booking_date
        ), paid AS (
            UPDATE assessments a SET paid_cents = a.paid_cents + t.total
            FROM (SELECT assessment_id, sum(amount_cents) AS total FROM inserted
                  WHERE assessment_id IS NOT NULL GROUP BY assessment_id) t
            WHERE a.id = t.assessment_id
        ), events AS (
            INSERT INTO outbox_messages (message_type, body)
            SELECT 'PaymentReceived', jsonb_build_object('paymentId', id, 'assessmentId', assessment_id,
                   'amountCents', amount_cents, 'bookingDate', booking_date)
            FROM inserted WHERE assessment_id IS NOT NULL
        )
        UPDATE import_batches SET accepted = (SELECT count(*) FROM inserted) WHERE id = @batch;

        -- A reversal undoes the latest payment of the same amount on the same assessment.
        WITH pairs AS (
            SELECT DISTINCT ON (r.id) r.id AS reversal_id, o.id AS original_id
            FROM payments r
            JOIN payments o ON o.assessment_id = r.assessment_id AND o.amount_cents = -r.amount_cents AND o.status = 'matched'
            WHERE r.batch_id = @batch AND r.status = 'reversal'
            ORDER BY r.id, o.booking_date DESC, o.id DESC
        ), originals AS (
            UPDATE payments o SET status = 'reversed' FROM pairs WHERE o.id = pairs.original_id
        )
        UPDATE payments r SET reversal_of = pairs.original_id FROM pairs WHERE r.id = pairs.reversal_id;
        """;
}
