using System.Globalization;
using System.Text;
using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Import;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invordering.Demo;

/// <summary>
/// The people around the service in a demo: debtors who pay (or not) according to their hidden
/// behaviour and the letters they get, field workers who complete phone calls and home visits,
/// staff who decide remission and write-offs, and the bailiff who reports back. They act only
/// through the service's real entrances: payment files through the import, and CaseActions.
/// </summary>
public sealed class PeopleSimulation(
    NpgsqlDataSource dataSource, ImportRunner import, IServiceScopeFactory scopes, Chance chance,
    IReadOnlyDictionary<long, Behaviour> behaviourByDebtor, string folder)
{
    private const string FieldWorker = "buitendienst-demo";
    private const string Staff = "invordering-demo";
    private const int FieldWorkers = 4;

    /// <summary>Everything people do on <paramref name="day"/>, before the service processes the day.</summary>
    public async Task ActAsync(DateOnly day, CancellationToken ct)
    {
        await ArrangeAfterRenewedWritAsync(day, ct);
        await PayAsync(day, ct);
        await CompleteTasksAsync(day, ct);
        await DecideRemissionsAsync(day, ct);
        await ReportBailiffResultsAsync(day, ct);
    }

    /// <summary>Debtors pay in reaction to letters, agreed plans and promises; the bank's file of the day is imported.</summary>
    private async Task PayAsync(DateOnly day, CancellationToken ct)
    {
        var payments = new List<(string Reference, long Cents, string Number)>();
        await using (var command = dataSource.CreateCommand(
            """
            SELECT c.id, c.debtor_id, l.template_code, l.letter_date, a.payment_reference, a.assessment_number,
                   a.amount_cents - a.paid_cents + coalesce((SELECT sum(k.amount_cents) FROM case_costs k WHERE k.case_id = c.id), 0)
            FROM letters l
            JOIN collection_cases c ON c.id = l.case_id AND c.status = 'open'
            JOIN assessments a ON a.id = c.assessment_id
            WHERE l.letter_date BETWEEN @day - 30 AND @day
              AND NOT EXISTS (SELECT 1 FROM payment_plans p WHERE p.case_id = c.id AND p.status = 'active')
            """))
        {
            command.Parameters.AddWithValue("day", day);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var caseId = reader.GetInt64(0);
                var behaviour = behaviourByDebtor[reader.GetInt64(1)];
                var letter = reader.GetString(2);
                var (probability, minDays, maxDays) = PaysAfter(behaviour, letter);
                var open = reader.GetInt64(6);
                if (open <= 0 || chance.Of(caseId, letter) >= probability) continue;
                if (reader.GetFieldValue<DateOnly>(3).AddDays(chance.Days(caseId, letter, minDays, maxDays)) != day) continue;
                payments.Add((reader.GetString(4), open, reader.GetString(5)));
            }
        }
        await using (var command = dataSource.CreateCommand(
            """
            SELECT c.id, c.debtor_id, a.payment_reference, a.assessment_number, i.amount_cents, i.sequence
            FROM payment_plans p
            JOIN payment_plan_instalments i ON i.plan_id = p.id AND i.due_date = @day
            JOIN collection_cases c ON c.id = p.case_id
            JOIN assessments a ON a.id = c.assessment_id
            WHERE p.status = 'active'
            """))
        {
            command.Parameters.AddWithValue("day", day);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var keeps = behaviourByDebtor[reader.GetInt64(1)] == Behaviour.WontPay ? 0.8 : 0.9;
                if (chance.Of(reader.GetInt64(0), $"termijn-{reader.GetInt16(5)}") < keeps)
                    payments.Add((reader.GetString(2), reader.GetInt64(4), reader.GetString(3)));
            }
        }
        if (payments.Count == 0) return;

        var file = Path.Combine(folder, $"betalingen-{day:yyyy-MM-dd}.csv");
        await using (var writer = new StreamWriter(file, false, new UTF8Encoding(false)))
        {
            await writer.WriteLineAsync("transactie_id;datum;bedrag;betalingskenmerk;omschrijving");
            var n = 0;
            foreach (var (reference, cents, number) in payments)
                await writer.WriteLineAsync($"{day:yyyyMMdd}-{++n};{day:yyyy-MM-dd};{(cents / 100m).ToString("0.00", CultureInfo.InvariantCulture)};{reference};Aanslag {number}");
        }
        await import.RunAsync(ImportKind.Betalingen, file, DemoRun.DemoActor, day, null, ct);
    }

    /// <summary>
    /// The day after the bailiff announced the renewed writ, some who can but would not pay call to
    /// agree a payment plan, and a few apply for remission (GBLT 2019: 15% and 5%).
    /// </summary>
    private async Task ArrangeAfterRenewedWritAsync(DateOnly day, CancellationToken ct)
    {
        var callers = new List<(long CaseId, bool Plan)>();
        await using (var command = dataSource.CreateCommand(
            """
            SELECT c.id, c.debtor_id FROM letters l JOIN collection_cases c ON c.id = l.case_id AND c.status = 'open'
            WHERE l.template_code = 'aankondiging-hernieuwd-bevel' AND l.letter_date = @day - 1
            """))
        {
            command.Parameters.AddWithValue("day", day);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                if (behaviourByDebtor[reader.GetInt64(1)] == Behaviour.OnTime) continue;
                var r = chance.Of(reader.GetInt64(0), "na-hernieuwd-bevel");
                if (r < 0.2) callers.Add((reader.GetInt64(0), r < 0.15));
            }
        }
        foreach (var (caseId, plan) in callers)
        {
            using var scope = scopes.CreateScope();
            var actions = scope.ServiceProvider.GetRequiredService<CaseActions>();
            if (plan) await actions.AgreePaymentPlanAsync(caseId, 6, day.AddDays(14), day, Staff, ct);
            else await actions.RequestRemissionAsync(caseId, day, Staff, ct);
        }
    }

    /// <summary>How likely a debtor pays after a letter, and how many days later.</summary>
    private static (double Probability, int MinDays, int MaxDays) PaysAfter(Behaviour behaviour, string letter) => (behaviour, letter) switch
    {
        (Behaviour.OnTime, _) => (0.95, 1, 7),
        (Behaviour.Forgetful, "herinnering") => (0.7, 2, 12),
        (Behaviour.Forgetful, "aanmaning") => (0.9, 2, 12),
        (Behaviour.Forgetful, _) => (0.95, 1, 2),
        (Behaviour.WontPay, "aanmaning") => (0.15, 5, 13),
        (Behaviour.WontPay, "dwangbevel") => (0.25, 1, 2),
        (Behaviour.WontPay, "aankondiging-hernieuwd-bevel") => (0.4, 1, 2),
        (Behaviour.CannotPay, "herinnering" or "aanmaning") => (0.05, 5, 13),
        _ => (0, 0, 0),
    };

    /// <summary>Field workers and staff complete due tasks; most within the service norm, some late.</summary>
    private async Task CompleteTasksAsync(DateOnly day, CancellationToken ct)
    {
        var due = new List<(long TaskId, long CaseId, string Kind, Behaviour Behaviour, string[] Offered)>();
        await using (var command = dataSource.CreateCommand(
            """
            SELECT t.id, t.case_id, t.kind, c.debtor_id, t.due_date,
                   ARRAY(SELECT o->>'name' FROM jsonb_array_elements(d.definition->'steps'->t.step_id->'outcomes') o)
            FROM field_tasks t
            JOIN collection_cases c ON c.id = t.case_id
            JOIN workflow_instances i ON i.id = t.instance_id
            JOIN workflow_definitions d ON d.id = i.definition_id
            WHERE t.status = 'open' AND t.due_date <= @day + 10
            """))
        {
            command.Parameters.AddWithValue("day", day);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var taskId = reader.GetInt64(0);
                var dueDate = reader.GetFieldValue<DateOnly>(4);
                // 93% of tasks are done by their due date, the rest a few days late.
                var doneOn = chance.Of(taskId, "op-tijd") < 0.93 ? dueDate.AddDays(-chance.Days(taskId, "vroeg", 0, 1)) : dueDate.AddDays(chance.Days(taskId, "laat", 1, 4));
                if (doneOn <= day)
                    due.Add((taskId, reader.GetInt64(1), reader.GetString(2), behaviourByDebtor[reader.GetInt64(3)], reader.GetFieldValue<string[]>(5)));
            }
        }
        // Field workers work side by side: each task is one case of its own.
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = FieldWorkers, CancellationToken = ct }, async (task, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var actions = scope.ServiceProvider.GetRequiredService<CaseActions>();
            var outcome = OfferedOrFallback(ChooseOutcome(task.TaskId, task.Kind, task.Behaviour), task.Offered);
            await actions.CompleteTaskAsync(task.TaskId, outcome, "demo", day, task.Kind == "beoordeling" ? Staff : FieldWorker, token);
            if (outcome == "regeling")
                await actions.AgreePaymentPlanAsync(task.CaseId, 6, day.AddDays(14), day, FieldWorker, token);
            else if (outcome == "kwijtschelding-hulp" && chance.Of(task.CaseId, "vraagt-kwijtschelding") < 0.8)
                await actions.RequestRemissionAsync(task.CaseId, day, FieldWorker, token);
        });
    }

    /// <summary>
    /// The outcome a person would choose, if this task's step offers it; else the step's last resort
    /// (a review offers "sociaal-invorderen" in one workflow and not in another).
    /// </summary>
    private static string OfferedOrFallback(string preferred, string[] offered) =>
        offered.Contains(preferred) ? preferred : offered.Contains("oninbaar") ? "oninbaar" : offered[0];

    private string ChooseOutcome(long taskId, string kind, Behaviour behaviour)
    {
        var r = chance.Of(taskId, "uitkomst");
        return kind switch
        {
            "beoordeling" => behaviour == Behaviour.WontPay && r < 0.3 ? "sociaal-invorderen" : "oninbaar",
            "telefoon" => r switch
            {
                < 0.25 => "niet-bereikt",
                < 0.45 => "bereikt-betaalt",
                < 0.75 => "regeling",
                < 0.92 => "kwijtschelding-hulp",
                _ => "schuldhulp",
            },
            _ => r switch
            {
                < 0.3 => "niet-thuis",
                < 0.45 => "betaalt",
                < 0.7 => "regeling",
                < 0.9 => "kwijtschelding-hulp",
                _ => "schuldhulp",
            },
        };
    }

    /// <summary>Staff decide remission requests after about four weeks; those who cannot pay mostly qualify.</summary>
    private async Task DecideRemissionsAsync(DateOnly day, CancellationToken ct)
    {
        var pending = new List<(long CaseId, Behaviour Behaviour)>();
        await using (var command = dataSource.CreateCommand(
            "SELECT r.case_id, c.debtor_id FROM remission_requests r JOIN collection_cases c ON c.id = r.case_id WHERE r.status = 'pending' AND r.requested_on = @day - 25"))
        {
            command.Parameters.AddWithValue("day", day);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) pending.Add((reader.GetInt64(0), behaviourByDebtor[reader.GetInt64(1)]));
        }
        foreach (var (caseId, behaviour) in pending)
        {
            using var scope = scopes.CreateScope();
            var granted = chance.Of(caseId, "kwijtschelding") < (behaviour == Behaviour.CannotPay ? 0.75 : 0.2);
            await scope.ServiceProvider.GetRequiredService<CaseActions>()
                .DecideRemissionAsync(caseId, granted, granted ? null : "Inkomen boven de norm.", day, Staff, ct);
        }
    }

    /// <summary>The bailiff reports two weeks after a seizure order.</summary>
    private async Task ReportBailiffResultsAsync(DateOnly day, CancellationToken ct)
    {
        var orders = new List<(long OrderId, long CaseId, Behaviour Behaviour, long Amount)>();
        await using (var command = dataSource.CreateCommand(
            """
            SELECT o.id, o.case_id, c.debtor_id, o.amount_cents FROM seizure_orders o JOIN collection_cases c ON c.id = o.case_id
            WHERE o.status = 'sent' AND o.created_at < now() AND NOT EXISTS (
                SELECT 1 FROM workflow_journal j WHERE j.case_id = o.case_id AND j.occurred_on > @day - 14 AND j.step_id = 'beslag')
            """))
        {
            command.Parameters.AddWithValue("day", day);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) orders.Add((reader.GetInt64(0), reader.GetInt64(1), behaviourByDebtor[reader.GetInt64(2)], reader.GetInt64(3)));
        }
        foreach (var (orderId, caseId, behaviour, amount) in orders)
        {
            var r = chance.Of(caseId, "deurwaarder");
            var outcome = behaviour == Behaviour.CannotPay ? "niets-te-halen" : r < 0.45 ? "betaald" : r < 0.65 ? "deels-betaald" : "niets-te-halen";
            var paid = outcome switch { "betaald" => amount, "deels-betaald" => amount / 2, _ => 0 };
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<CaseActions>().RecordBailiffResultAsync(orderId, outcome, paid, "deurwaarder", ct);
        }
    }
}
