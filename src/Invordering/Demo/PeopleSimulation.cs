using System.Globalization;
using System.Text;
using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Import;
using Invordering.Workflows;
using Invordering.Workflows.Simulation;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invordering.Demo;

/// <summary>
/// The people around the service in a demo: debtors who pay (or not) according to their hidden
/// behaviour and the letters they get, field workers who complete phone calls and home visits,
/// staff who decide remission and write-offs, and the bailiff who reports back. They act only
/// through the service's real entrances: payment files through the import, and CaseActions. What
/// each person does is <see cref="PeopleModel"/>'s choice, the same model the workflow simulation asks.
/// </summary>
public sealed class PeopleSimulation(
    NpgsqlDataSource dataSource, ImportRunner import, IServiceScopeFactory scopes, PeopleModel people,
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
                var open = reader.GetInt64(6);
                if (open <= 0) continue;
                if (people.PaysAfterLetter(caseId, behaviourByDebtor[reader.GetInt64(1)], reader.GetString(2), reader.GetFieldValue<DateOnly>(3)) != day) continue;
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
                if (people.PaysInstalment(reader.GetInt64(0), behaviourByDebtor[reader.GetInt64(1)], reader.GetInt16(5)))
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

    /// <summary>The day after the bailiff announced the renewed writ, some call to agree a payment plan or apply for remission.</summary>
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
                var arrangement = people.AfterRenewedWrit(reader.GetInt64(0), behaviourByDebtor[reader.GetInt64(1)]);
                if (arrangement != Arrangement.None) callers.Add((reader.GetInt64(0), arrangement == Arrangement.PaymentPlan));
            }
        }
        foreach (var (caseId, plan) in callers)
        {
            using var scope = scopes.CreateScope();
            var actions = scope.ServiceProvider.GetRequiredService<CaseActions>();
            if (plan) await actions.AgreePaymentPlanAsync(caseId, PeopleModel.PaymentPlanTerms, day.AddDays(PeopleModel.FirstInstalmentAfterDays), day, Staff, ct);
            else await actions.RequestRemissionAsync(caseId, day, Staff, ct);
        }
    }

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
                if (people.TaskDoneOn(taskId, dueDate) <= day)
                    due.Add((taskId, reader.GetInt64(1), reader.GetString(2), behaviourByDebtor[reader.GetInt64(3)], reader.GetFieldValue<string[]>(5)));
            }
        }
        // Field workers work side by side: each task is one case of its own.
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = FieldWorkers, CancellationToken = ct }, async (task, token) =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var actions = scope.ServiceProvider.GetRequiredService<CaseActions>();
            var outcome = people.TaskOutcome(task.TaskId, EnumSlugExtensions.FromSlug<TaskKind>(task.Kind)!.Value, task.Behaviour, task.Offered);
            await actions.CompleteTaskAsync(task.TaskId, outcome, "demo", day, task.Kind == "beoordeling" ? Staff : FieldWorker, token);
            if (outcome == "regeling")
                await actions.AgreePaymentPlanAsync(task.CaseId, PeopleModel.PaymentPlanTerms, day.AddDays(PeopleModel.FirstInstalmentAfterDays), day, FieldWorker, token);
            else if (outcome == "kwijtschelding-hulp" && people.AppliesForRemissionAfterHelp(task.CaseId))
                await actions.RequestRemissionAsync(task.CaseId, day, FieldWorker, token);
        });
    }

    /// <summary>Staff decide remission requests some weeks after they came in.</summary>
    private async Task DecideRemissionsAsync(DateOnly day, CancellationToken ct)
    {
        var pending = new List<(long CaseId, Behaviour Behaviour)>();
        await using (var command = dataSource.CreateCommand(
            "SELECT r.case_id, c.debtor_id FROM remission_requests r JOIN collection_cases c ON c.id = r.case_id WHERE r.status = 'pending' AND r.requested_on = @day - @after"))
        {
            command.Parameters.AddWithValue("day", day);
            command.Parameters.AddWithValue("after", PeopleModel.RemissionDecidedAfterDays);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) pending.Add((reader.GetInt64(0), behaviourByDebtor[reader.GetInt64(1)]));
        }
        foreach (var (caseId, behaviour) in pending)
        {
            using var scope = scopes.CreateScope();
            var granted = people.GrantsRemission(caseId, behaviour);
            await scope.ServiceProvider.GetRequiredService<CaseActions>()
                .DecideRemissionAsync(caseId, granted, granted ? null : "Inkomen boven de norm.", day, Staff, ct);
        }
    }

    /// <summary>The bailiff reports some time after a seizure order.</summary>
    private async Task ReportBailiffResultsAsync(DateOnly day, CancellationToken ct)
    {
        var orders = new List<(long OrderId, long CaseId, Behaviour Behaviour, long Amount)>();
        await using (var command = dataSource.CreateCommand(
            """
            SELECT o.id, o.case_id, c.debtor_id, o.amount_cents FROM seizure_orders o JOIN collection_cases c ON c.id = o.case_id
            WHERE o.status = 'sent' AND o.created_at < now() AND NOT EXISTS (
                SELECT 1 FROM workflow_journal j WHERE j.case_id = o.case_id AND j.occurred_on > @day - @after AND j.step_id = 'beslag')
            """))
        {
            command.Parameters.AddWithValue("day", day);
            command.Parameters.AddWithValue("after", PeopleModel.BailiffReportsAfterDays);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) orders.Add((reader.GetInt64(0), reader.GetInt64(1), behaviourByDebtor[reader.GetInt64(2)], reader.GetInt64(3)));
        }
        foreach (var (orderId, caseId, behaviour, amount) in orders)
        {
            var outcome = people.BailiffResult(caseId, behaviour);
            using var scope = scopes.CreateScope();
            await scope.ServiceProvider.GetRequiredService<CaseActions>()
                .RecordBailiffResultAsync(orderId, outcome.ToSlug(), PeopleModel.BailiffCollects(outcome, amount), "deurwaarder", ct);
        }
    }
}
