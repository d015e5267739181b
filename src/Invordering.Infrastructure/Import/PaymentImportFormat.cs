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
        ["transaction_id", "booking_date", "amount_cents", "payment_reference", "description", "counterparty_iban", "counterparty_name",
         "end_to_end_id", "reversal_of"];

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
        Text(importer, row.EndToEndId);
        Text(importer, row.ReversalOf);
    }

    /// <summary>The assessment a staged payment `s` is for: by its betalingskenmerk, else by the first assessment number in its description.</summary>
    private const string MatchAssessment = PaymentMatching.MatchAssessment;

    public override IReadOnlyList<MergeStep> MergeSteps { get; } =
    [
        new("dubbele transacties", """
            -- A transaction id already stored is a duplicate (one earlier in the file the reader marks).
            WITH known AS (
                DELETE FROM staging_payments s USING payments p
                WHERE s.batch_id = @batch AND s.err_code IS NULL AND p.transaction_id = s.transaction_id
                RETURNING s.line
            )
            UPDATE import_batches SET duplicates = duplicates + (SELECT count(*) FROM known) WHERE id = @batch
            """),
        new("betalingen", $"""
            -- Money received; what matches no assessment waits for staff as 'unmatched'.
            WITH inserted AS (
                INSERT INTO payments (transaction_id, booking_date, amount_cents, payment_reference, description,
                                      counterparty_iban, counterparty_name, end_to_end_id, assessment_id, status, batch_id)
                SELECT s.transaction_id, s.booking_date, s.amount_cents, s.payment_reference, s.description,
                       s.counterparty_iban, s.counterparty_name, s.end_to_end_id, coalesce(by_reference.id, by_number.id),
                       CASE WHEN coalesce(by_reference.id, by_number.id) IS NULL THEN 'unmatched' ELSE 'matched' END, @batch
                FROM staging_payments s
                {MatchAssessment}
                WHERE s.batch_id = @batch AND s.err_code IS NULL AND s.amount_cents > 0
                ORDER BY s.line
                RETURNING id, assessment_id, amount_cents, booking_date
            ){PaymentMatching.BookPayments("inserted")}
            UPDATE import_batches SET accepted = accepted + (SELECT count(*) FROM inserted) WHERE id = @batch
            """),
        new("terugboekingen", $"""
            -- A reversal (storno) undoes the payment it mirrors: the one with the end-to-end id the
            -- bank gives, else the latest payment of the same amount on the same assessment.
            WITH reversals AS (
                SELECT s.*, coalesce(by_reference.id, by_number.id) AS found_assessment_id
                FROM staging_payments s
                {MatchAssessment}
                WHERE s.batch_id = @batch AND s.err_code IS NULL AND s.amount_cents < 0
            ), paired AS (
                SELECT r.*, coalesce(by_end_to_end.id, by_assessment.id) AS original_id,
                       coalesce(by_end_to_end.assessment_id, by_assessment.assessment_id, r.found_assessment_id) AS assessment_id
                FROM reversals r
                LEFT JOIN LATERAL (
                    SELECT o.id, o.assessment_id FROM payments o
                    WHERE o.end_to_end_id = r.reversal_of AND o.amount_cents = -r.amount_cents AND o.status IN ('matched', 'unmatched')
                    ORDER BY o.id DESC LIMIT 1
                ) by_end_to_end ON r.reversal_of IS NOT NULL
                LEFT JOIN LATERAL (
                    SELECT o.id, o.assessment_id FROM payments o
                    WHERE o.assessment_id = r.found_assessment_id AND o.amount_cents = -r.amount_cents AND o.status = 'matched'
                    ORDER BY o.booking_date DESC, o.id DESC LIMIT 1
                ) by_assessment ON by_end_to_end.id IS NULL AND r.found_assessment_id IS NOT NULL
            ), inserted AS (
                INSERT INTO payments (transaction_id, booking_date, amount_cents, payment_reference, description,
                                      counterparty_iban, counterparty_name, end_to_end_id, assessment_id, status, reversal_of, batch_id)
                SELECT transaction_id, booking_date, amount_cents, payment_reference, description,
                       counterparty_iban, counterparty_name, end_to_end_id, assessment_id,
                       CASE WHEN assessment_id IS NULL AND original_id IS NULL THEN 'unmatched' ELSE 'reversal' END, original_id, @batch
                FROM paired
                ORDER BY line
                RETURNING id, assessment_id, amount_cents, booking_date, reversal_of
            ), originals AS (
                UPDATE payments o SET status = 'reversed' FROM inserted i WHERE o.id = i.reversal_of
            ){PaymentMatching.BookPayments("inserted")}
            UPDATE import_batches SET accepted = accepted + (SELECT count(*) FROM inserted) WHERE id = @batch
            """),
    ];
}
