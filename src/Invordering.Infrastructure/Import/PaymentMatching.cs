using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Import;

/// <summary>
/// How a payment finds its assessment and is booked, shared by the payment import and staff linking a payment by
/// hand from the work queue: matched by betalingskenmerk, else by the first assessment number in the description;
/// a booked payment raises the assessment's paid amount and adds PaymentReceived to the outbox in the same statement.
/// </summary>
public static class PaymentMatching
{
    /// <summary>
    /// Joins, for a row <c>s</c> with <c>payment_reference</c> and <c>description</c>, the assessment it is for:
    /// <c>coalesce(by_reference.id, by_number.id)</c>.
    /// </summary>
    public const string MatchAssessment = """
        LEFT JOIN assessments by_reference ON by_reference.payment_reference = s.payment_reference::char(16)
        LEFT JOIN LATERAL (
            SELECT a.id
            FROM regexp_split_to_table(s.description, '[^A-Za-z0-9-]+') WITH ORDINALITY AS t(token, position)
            JOIN assessments a ON a.assessment_number = t.token
            ORDER BY t.position LIMIT 1
        ) by_number ON by_reference.id IS NULL AND s.description IS NOT NULL
        """;

    /// <summary>
    /// The CTEs (each preceded by a comma) that book the payments of CTE <paramref name="booked"/> (columns id, assessment_id,
    /// amount_cents, booking_date): the assessments' paid amounts go up by them and each gets a PaymentReceived in the outbox.
    /// </summary>
    public static string BookPayments(string booked) => $"""
        , paid AS (
            UPDATE assessments a SET paid_cents = a.paid_cents + t.total
            FROM (SELECT assessment_id, sum(amount_cents) AS total FROM {booked}
                  WHERE assessment_id IS NOT NULL GROUP BY assessment_id) t
            WHERE a.id = t.assessment_id
        ), events AS (
            INSERT INTO outbox_messages (message_type, body)
            SELECT 'PaymentReceived', jsonb_build_object('paymentId', id, 'assessmentId', assessment_id,
                   'amountCents', amount_cents, 'bookingDate', booking_date)
            FROM {booked} WHERE assessment_id IS NOT NULL
            ORDER BY id
        )
        """;

    /// <summary>
    /// Links an unmatched payment by hand to the assessment that <paramref name="assessmentNumberOrReference"/> names
    /// (an assessment number or a betalingskenmerk), by the import's own rules, and books it.
    /// Returns the assessment's id, or null when it names no assessment; <see cref="LinkResult.Linked"/> is false when
    /// the payment was not (or no longer) unmatched.
    /// </summary>
    public static async Task<LinkResult> LinkByHandAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long paymentId,
        string assessmentNumberOrReference, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand($"""
            WITH s AS (
                SELECT CASE WHEN length(@term) = 16 AND @term ~ '^[0-9]+$' THEN @term END AS payment_reference, @term AS description
            ), found AS (
                SELECT coalesce(by_reference.id, by_number.id) AS assessment_id FROM s
                {MatchAssessment}
            ), linked AS (
                UPDATE payments p SET assessment_id = f.assessment_id,
                       status = CASE WHEN p.amount_cents < 0 THEN 'reversal' ELSE 'matched' END
                FROM found f
                WHERE p.id = @payment AND p.status = 'unmatched' AND f.assessment_id IS NOT NULL
                RETURNING p.id, p.assessment_id, p.amount_cents, p.booking_date
            ){BookPayments("linked")}
            SELECT (SELECT assessment_id FROM found), (SELECT count(*) FROM linked)
            """, connection, tx);
        command.Parameters.Add(new NpgsqlParameter("term", NpgsqlDbType.Text) { Value = assessmentNumberOrReference.Trim() });
        command.Parameters.AddWithValue("payment", paymentId);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return new LinkResult(reader.IsDBNull(0) ? null : reader.GetInt64(0), reader.GetInt64(1) == 1);
    }
}

/// <summary>The outcome of linking a payment by hand: the assessment found (if any) and whether the payment was linked.</summary>
public sealed record LinkResult(long? AssessmentId, bool Linked);
