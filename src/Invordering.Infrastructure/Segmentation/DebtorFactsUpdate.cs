using Invordering.Domain.Segmentation;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Segmentation;

/// <summary>
/// Computes the segmentation facts (see <see cref="SegmentationFacts"/>) into debtor_facts in one statement, one
/// pass over everything that counts, grouped per debtor: the imported payment history of the last three years
/// (matched by BSN or KvK number), the cases that ended in this system in those years (how far each got and how
/// it ended, and the lapsed plans, seizures without result and refused remissions in it), and the current
/// direct-debit assessments. For every debtor, or for one.
/// </summary>
public static class DebtorFactsUpdate
{
    /// <summary>
    /// One row per thing that counts: <c>is_claim</c> marks a claim (an imported history row or a closed case),
    /// <c>kind</c> says what happened (the history's outcome vocabulary, or <c>automatische-incasso</c> for a
    /// current direct-debit assessment). Every debtor has at least one row (with a null kind when nothing counts).
    /// A closed case whose assessment is in the imported history already counts through that history.
    /// </summary>
    private const string CountedRows = """
        WITH closed_cases AS (
            SELECT c.id, c.debtor_id, c.outcome, c.closed_on, greatest(c.closed_on - a.due_date, 0) AS days_late
            FROM collection_cases c
            JOIN assessments a ON a.id = c.assessment_id
            WHERE c.status = 'closed' AND c.closed_on > @history_from AND (@debtor IS NULL OR c.debtor_id = @debtor)
              AND NOT EXISTS (SELECT 1 FROM payment_history h WHERE h.assessment_number = a.assessment_number AND h.tax_year = a.tax_year)
        ), case_events AS (
            -- stage: how far a closed case got (1 herinnering, 2 aanmaning, 3 dwangbevel, 4 hernieuwd bevel, 5 a plan
            -- kept, 6 the bailiff collected); event: what counts on its own besides the claim.
            SELECT c.id AS case_id, c.debtor_id, c.closed_on, e.stage, e.event
            FROM closed_cases c
            JOIN (SELECT case_id,
                         CASE template_code WHEN 'herinnering' THEN 1 WHEN 'aanmaning' THEN 2 WHEN 'dwangbevel' THEN 3 ELSE 4 END AS stage,
                         NULL AS event
                  FROM letters WHERE template_code IN ('herinnering', 'aanmaning', 'dwangbevel', 'aankondiging-hernieuwd-bevel')
                  UNION ALL
                  SELECT case_id, CASE status WHEN 'kept' THEN 5 END, CASE status WHEN 'defaulted' THEN 'regeling-vervallen' END
                  FROM payment_plans WHERE status IN ('kept', 'defaulted')
                  UNION ALL
                  SELECT case_id, CASE WHEN status <> 'nothing-to-seize' THEN 6 END,
                         CASE WHEN status = 'nothing-to-seize' THEN 'beslag-zonder-resultaat' END
                  FROM seizure_orders WHERE status IN ('paid', 'partly-paid', 'nothing-to-seize')
                  UNION ALL
                  SELECT case_id, NULL, 'kwijtschelding-afgewezen' FROM remission_requests WHERE status = 'refused') e ON e.case_id = c.id
        ), counted (debtor_id, is_claim, kind, days_late, settled_on) AS (
            SELECT d.id, h.outcome IS NOT NULL, h.outcome, h.days_late, coalesce(h.settled_on, make_date(h.tax_year, 12, 31))
            FROM debtors d
            LEFT JOIN payment_history h
                   ON coalesce(h.bsn, h.kvk) = coalesce(d.bsn, d.kvk)
                  AND coalesce(h.settled_on, make_date(h.tax_year, 12, 31)) > @history_from
            WHERE @debtor IS NULL OR d.id = @debtor
            UNION ALL
            SELECT c.debtor_id, true,
                   CASE WHEN c.outcome = 'oninbaar' THEN 'oninbaar'
                        WHEN c.outcome = 'kwijtschelding' THEN 'kwijtschelding-toegekend'
                        WHEN c.outcome = 'deurwaarder' OR s.stage = 6 THEN 'deurwaarder-betaald'
                        WHEN c.outcome NOT IN ('betaald', 'regeling') THEN c.outcome
                        WHEN s.stage = 5 THEN 'regeling-nagekomen'
                        WHEN s.stage = 4 THEN 'na-hernieuwd-bevel'
                        WHEN s.stage = 3 THEN 'na-dwangbevel'
                        WHEN s.stage = 2 THEN 'na-aanmaning'
                        WHEN s.stage = 1 THEN 'na-herinnering'
                        ELSE c.outcome END,
                   CASE WHEN c.outcome IN ('betaald', 'deurwaarder', 'regeling') THEN c.days_late END,
                   c.closed_on
            FROM closed_cases c
            LEFT JOIN (SELECT case_id, max(stage) AS stage FROM case_events GROUP BY case_id) s ON s.case_id = c.id
            UNION ALL
            SELECT debtor_id, false, event, NULL, closed_on FROM case_events WHERE event IS NOT NULL
            UNION ALL
            SELECT debtor_id, false, 'automatische-incasso', NULL, NULL FROM assessments
            WHERE direct_debit AND tax_year >= @current_tax_year_from AND (@debtor IS NULL OR debtor_id = @debtor)
        )
        """;

    private const string Sql = CountedRows + """
        INSERT INTO debtor_facts (
            debtor_id, computed_on, claims, on_time, on_time_percent, paid_by_reminder_percent,
            after_reminder, after_demand, after_writ, after_renewed_writ, paid_to_bailiff, paid_after_writ,
            seizure_without_result, payment_plan_kept, payment_plan_lapsed, remission_granted,
            remission_granted_last_year, remission_refused, written_off, average_days_late, direct_debit_assessments)
        SELECT debtor_id, @today, claims, on_time,
               coalesce(100 * on_time / nullif(claims, 0), 0),
               coalesce(100 * (on_time + after_reminder) / nullif(claims, 0), 0),
               after_reminder, after_demand, after_writ, after_renewed_writ, paid_to_bailiff,
               after_writ + after_renewed_writ + paid_to_bailiff,
               seizure_without_result, payment_plan_kept, payment_plan_lapsed, remission_granted,
               remission_granted_last_year, remission_refused, written_off, average_days_late, direct_debit_assessments
        FROM (
            SELECT debtor_id,
                   count(*) FILTER (WHERE is_claim) AS claims,
                   count(*) FILTER (WHERE kind = 'op-tijd') AS on_time,
                   count(*) FILTER (WHERE kind = 'na-herinnering') AS after_reminder,
                   count(*) FILTER (WHERE kind = 'na-aanmaning') AS after_demand,
                   count(*) FILTER (WHERE kind = 'na-dwangbevel') AS after_writ,
                   count(*) FILTER (WHERE kind = 'na-hernieuwd-bevel') AS after_renewed_writ,
                   count(*) FILTER (WHERE kind = 'deurwaarder-betaald') AS paid_to_bailiff,
                   count(*) FILTER (WHERE kind = 'beslag-zonder-resultaat') AS seizure_without_result,
                   count(*) FILTER (WHERE kind = 'regeling-nagekomen') AS payment_plan_kept,
                   count(*) FILTER (WHERE kind = 'regeling-vervallen') AS payment_plan_lapsed,
                   count(*) FILTER (WHERE kind = 'kwijtschelding-toegekend') AS remission_granted,
                   count(*) FILTER (WHERE kind = 'kwijtschelding-toegekend' AND settled_on > @last_year_from) AS remission_granted_last_year,
                   count(*) FILTER (WHERE kind = 'kwijtschelding-afgewezen') AS remission_refused,
                   count(*) FILTER (WHERE kind = 'oninbaar') AS written_off,
                   coalesce(round(avg(days_late))::integer, 0) AS average_days_late,
                   count(*) FILTER (WHERE kind = 'automatische-incasso') AS direct_debit_assessments
            FROM counted
            GROUP BY debtor_id
        ) per_debtor
        ORDER BY debtor_id
        """;

    /// <summary>The first day of the history window: history settled after it counts.</summary>
    public static DateOnly HistoryFrom(DateOnly today) => today.AddYears(-SegmentationFacts.HistoryYears);

    /// <summary>
    /// Replaces the facts of every debtor (<paramref name="debtorId"/> null) or of one, counted back from
    /// <paramref name="today"/>; returns how many debtors.
    /// </summary>
    /// <remarks>
    /// The grouping sorts the counted rows by debtor and streams each debtor's totals out in debtor order, so the
    /// facts (and the segments written from them) go in at the end of their keys without a second sort. The
    /// planner cannot see how many debtors the union of sources holds and would otherwise build a hash table of a
    /// million debtors' running totals and sort its output again; hash aggregation is off for this statement only.
    /// After a run for everyone the new facts are analysed, so the statements that read them are planned on them.
    /// </remarks>
    public static async Task<int> ComputeAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DateOnly today, long? debtorId,
        CancellationToken ct)
    {
        await ExecuteAsync(connection, tx,
            debtorId is null ? "TRUNCATE debtor_facts" : "DELETE FROM debtor_facts WHERE debtor_id = @debtor", debtorId, ct);
        await ExecuteAsync(connection, tx, "SET LOCAL enable_hashagg = off", null, ct);

        await using var command = new NpgsqlCommand(Sql, connection, tx) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("history_from", HistoryFrom(today));
        command.Parameters.AddWithValue("last_year_from", today.AddYears(-1));
        command.Parameters.AddWithValue("current_tax_year_from", (short)(today.Year - 1));
        command.Parameters.Add(new NpgsqlParameter("debtor", NpgsqlDbType.Bigint) { Value = (object?)debtorId ?? DBNull.Value });
        var debtors = await command.ExecuteNonQueryAsync(ct);

        await ExecuteAsync(connection, tx, "RESET enable_hashagg", null, ct);
        if (debtorId is null) await ExecuteAsync(connection, tx, "ANALYZE debtor_facts", null, ct);
        return debtors;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, long? debtorId, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        if (debtorId is { } id) command.Parameters.AddWithValue("debtor", id);
        await command.ExecuteNonQueryAsync(ct);
    }
}
