using Invordering.Domain.Segmentation;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Segmentation;

/// <summary>
/// Computes the segmentation facts (see <see cref="SegmentationFacts"/>) into debtor_facts in one
/// statement: a GROUP BY over the payment history of the last three years, matched to debtors by BSN or
/// KvK number, joined with the debtors' current assessments. For every debtor, or for one. Rows go in
/// in debtor order, so that this table's key, and that of the segments written from it, grow at the end.
/// </summary>
public static class DebtorFactsUpdate
{
    private const string Sql = """
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
            SELECT d.id AS debtor_id,
                   count(h.outcome) AS claims,
                   count(*) FILTER (WHERE h.outcome = 'op-tijd') AS on_time,
                   count(*) FILTER (WHERE h.outcome = 'na-herinnering') AS after_reminder,
                   count(*) FILTER (WHERE h.outcome = 'na-aanmaning') AS after_demand,
                   count(*) FILTER (WHERE h.outcome = 'na-dwangbevel') AS after_writ,
                   count(*) FILTER (WHERE h.outcome = 'na-hernieuwd-bevel') AS after_renewed_writ,
                   count(*) FILTER (WHERE h.outcome = 'deurwaarder-betaald') AS paid_to_bailiff,
                   count(*) FILTER (WHERE h.outcome = 'beslag-zonder-resultaat') AS seizure_without_result,
                   count(*) FILTER (WHERE h.outcome = 'regeling-nagekomen') AS payment_plan_kept,
                   count(*) FILTER (WHERE h.outcome = 'regeling-vervallen') AS payment_plan_lapsed,
                   count(*) FILTER (WHERE h.outcome = 'kwijtschelding-toegekend') AS remission_granted,
                   count(*) FILTER (WHERE h.outcome = 'kwijtschelding-toegekend'
                                         AND coalesce(h.settled_on, make_date(h.tax_year, 12, 31)) > @last_year_from) AS remission_granted_last_year,
                   count(*) FILTER (WHERE h.outcome = 'kwijtschelding-afgewezen') AS remission_refused,
                   count(*) FILTER (WHERE h.outcome = 'oninbaar') AS written_off,
                   coalesce(round(avg(h.days_late))::integer, 0) AS average_days_late,
                   coalesce(max(a.direct_debit_assessments), 0) AS direct_debit_assessments
            FROM debtors d
            LEFT JOIN payment_history h
                   ON coalesce(h.bsn, h.kvk) = coalesce(d.bsn, d.kvk)
                  AND coalesce(h.settled_on, make_date(h.tax_year, 12, 31)) > @history_from
            LEFT JOIN (SELECT debtor_id, count(*)::integer AS direct_debit_assessments FROM assessments
                       WHERE direct_debit AND tax_year >= @current_tax_year_from
                       GROUP BY debtor_id) a ON a.debtor_id = d.id
            WHERE @debtor IS NULL OR d.id = @debtor
            GROUP BY d.id
        ) counted
        ORDER BY debtor_id
        """;

    /// <summary>The first day of the history window: history settled after it counts.</summary>
    public static DateOnly HistoryFrom(DateOnly today) => today.AddYears(-SegmentationFacts.HistoryYears);

    /// <summary>
    /// Replaces the facts of every debtor (<paramref name="debtorId"/> null) or of one, counted back from
    /// <paramref name="today"/>; returns how many debtors.
    /// </summary>
    public static async Task<int> ComputeAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DateOnly today, long? debtorId,
        CancellationToken ct)
    {
        await using (var clear = new NpgsqlCommand(
            debtorId is null ? "TRUNCATE debtor_facts" : "DELETE FROM debtor_facts WHERE debtor_id = @debtor", connection, tx))
        {
            clear.Parameters.AddWithValue("debtor", debtorId ?? 0);
            await clear.ExecuteNonQueryAsync(ct);
        }

        await using var command = new NpgsqlCommand(Sql, connection, tx) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("history_from", HistoryFrom(today));
        command.Parameters.AddWithValue("last_year_from", today.AddYears(-1));
        command.Parameters.AddWithValue("current_tax_year_from", (short)(today.Year - 1));
        command.Parameters.Add(new NpgsqlParameter("debtor", NpgsqlDbType.Bigint) { Value = (object?)debtorId ?? DBNull.Value });
        return await command.ExecuteNonQueryAsync(ct);
    }
}
