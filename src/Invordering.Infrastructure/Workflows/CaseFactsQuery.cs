using Invordering.Workflows;
using Npgsql;

namespace Invordering.Infrastructure.Workflows;

/// <summary>
/// Reads the named case facts that decisions look at, for many cases in one query. The claim and the debtor are
/// looked up per case (LIMIT 1 keeps each lookup a subquery): as plain joins the planner, given a batch of 500
/// cases, chose to hash all debtors (a scan of 100,000 rows, 0.5 s per batch) over 500 index lookups (0.08 s).
/// </summary>
public static class CaseFactsQuery
{
    public static async Task<Dictionary<long, CaseFacts>> LoadAsync(NpgsqlConnection connection, NpgsqlTransaction tx,
        IReadOnlyCollection<long> caseIds, DateOnly today, CancellationToken ct)
    {
        var facts = new Dictionary<long, CaseFacts>(caseIds.Count);
        await using var command = new NpgsqlCommand(
            """
            SELECT c.id, greatest(a.amount_cents - a.paid_cents, 0), a.amount_cents, @today - a.due_date, c.segment,
                   d.phone IS NOT NULL, d.kvk IS NOT NULL,
                   (SELECT count(*) FROM collection_cases o WHERE o.debtor_id = c.debtor_id AND o.status = 'open'),
                   (SELECT count(*) FROM collection_cases p JOIN letters l ON l.case_id = p.id
                    WHERE p.debtor_id = c.debtor_id AND l.template_code = 'dwangbevel' AND l.letter_date > @today - 1826),
                   EXISTS (SELECT 1 FROM payment_plans pp WHERE pp.case_id = c.id AND pp.status = 'active' AND pp.reminded_on IS NULL),
                   EXISTS (SELECT 1 FROM remission_requests r WHERE r.case_id = c.id AND r.status = 'pending')
            FROM collection_cases c
            CROSS JOIN LATERAL (SELECT amount_cents, paid_cents, due_date FROM assessments a WHERE a.id = c.assessment_id LIMIT 1) a
            CROSS JOIN LATERAL (SELECT phone, kvk FROM debtors d WHERE d.id = c.debtor_id LIMIT 1) d
            WHERE c.id = ANY(@ids)
            """, connection, tx);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("ids", caseIds.ToArray());
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            facts[reader.GetInt64(0)] = new CaseFacts
            {
                OpenAmountCents = reader.GetInt64(1),
                OriginalAmountCents = reader.GetInt64(2),
                DaysPastDue = reader.GetInt32(3),
                Segment = reader.GetString(4),
                HasPhoneNumber = reader.GetBoolean(5),
                IsCompany = reader.GetBoolean(6),
                OpenClaims = (int)reader.GetInt64(7),
                PreviousWrits = (int)reader.GetInt64(8),
                HasPaymentPlan = reader.GetBoolean(9),
                RemissionPending = reader.GetBoolean(10),
            };
        }
        return facts;
    }
}
