using Invordering.Infrastructure.Workflows;
using Invordering.Workflows;
using Npgsql;

namespace Invordering.Infrastructure.Cases;

/// <summary>
/// Watches running payment plans once a day: a plan behind on its terms gets one letter with 14
/// days to pay (termijn-gemist); still behind after those 14 days, it lapses (regeling-verzuimd)
/// and collection resumes. A claim paid in full ends its plan as kept.
/// </summary>
public sealed class PaymentPlanMonitor(NpgsqlDataSource dataSource, CaseWorkflow workflow)
{
    public const int DaysToCatchUp = 14;

    public async Task<int> RunAsync(DateOnly today, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var behind = new List<(long PlanId, long CaseId, bool Reminded)>();
        await using (var select = new NpgsqlCommand(
            """
            UPDATE payment_plans p SET status = 'kept', closed_on = @today
            FROM collection_cases c JOIN assessments a ON a.id = c.assessment_id
            WHERE p.case_id = c.id AND p.status = 'active' AND c.status = 'closed';

            SELECT p.id, p.case_id, p.reminded_on IS NOT NULL
            FROM payment_plans p
            JOIN collection_cases c ON c.id = p.case_id
            JOIN assessments a ON a.id = c.assessment_id
            WHERE p.status = 'active'
              AND a.paid_cents - p.paid_before_cents <
                  (SELECT coalesce(sum(i.amount_cents), 0) FROM payment_plan_instalments i WHERE i.plan_id = p.id AND i.due_date < @today)
              AND (p.reminded_on IS NULL OR p.reminded_on <= @today - @catchUp)
            FOR UPDATE OF p
            """, connection, tx))
        {
            select.Parameters.AddWithValue("today", today);
            select.Parameters.AddWithValue("catchUp", DaysToCatchUp);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) behind.Add((reader.GetInt64(0), reader.GetInt64(1), reader.GetBoolean(2)));
        }
        foreach (var (planId, caseId, reminded) in behind)
        {
            await using var update = new NpgsqlCommand(reminded
                ? "UPDATE payment_plans SET status = 'defaulted', closed_on = @today WHERE id = @id"
                : "UPDATE payment_plans SET reminded_on = @today WHERE id = @id", connection, tx);
            update.Parameters.AddWithValue("today", today);
            update.Parameters.AddWithValue("id", planId);
            await update.ExecuteNonQueryAsync(ct);
            var name = reminded ? CaseEventCatalogue.PaymentPlanDefaulted : CaseEventCatalogue.InstalmentMissed;
            await workflow.AdvanceAsync(connection, tx, caseId, new WorkflowTrigger.CaseEvent(name), today, "betalingsregeling", ct);
        }
        await tx.CommitAsync(ct);
        return behind.Count;
    }
}
