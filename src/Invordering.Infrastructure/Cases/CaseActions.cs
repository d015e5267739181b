using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Workflows;
using Invordering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invordering.Infrastructure.Cases;

/// <summary>
/// What people do to a case (agree a payment plan, request or decide remission, complete a task,
/// report a bailiff result): each change, its audit row and the workflow's reaction commit
/// together, so the journal always says why the case moved.
/// </summary>
public sealed class CaseActions(InvorderingDbContext db, CaseWorkflow workflow, DefinitionStore definitions)
{
    /// <summary>A payment plan of equal monthly terms from <paramref name="firstDue"/> for what is open (with costs).</summary>
    public async Task<long> AgreePaymentPlanAsync(long caseId, int terms, DateOnly firstDue, DateOnly today, string actor, CancellationToken ct)
    {
        if (terms is < 1 or > 12) throw new CaseActionException("Een betalingsregeling heeft 1 tot 12 termijnen.");
        return await InTransactionAsync(async (connection, tx) =>
        {
            var (open, paid) = await OpenAndPaidAsync(caseId, ct);
            if (open <= 0) throw new CaseActionException("Er staat niets meer open op deze zaak.");
            var plan = new PaymentPlan { CaseId = caseId, Status = "active", AgreedOn = today, AgreedBy = actor, PaidBeforeCents = paid, CreatedAt = DateTimeOffset.UtcNow };
            db.PaymentPlans.Add(plan);
            await db.SaveChangesAsync(ct);
            for (short n = 1; n <= terms; n++)
                db.PaymentPlanInstalments.Add(new PaymentPlanInstalment
                {
                    PlanId = plan.Id, Sequence = n, DueDate = firstDue.AddMonths(n - 1),
                    AmountCents = open / terms + (n <= open % terms ? 1 : 0),
                });
            Audit.Record(db, actor, "payment-plan-agreed", "collection_case", caseId, details: new { terms, firstDue });
            await db.SaveChangesAsync(ct);
            await workflow.AdvanceAsync(connection, tx, caseId, new WorkflowTrigger.CaseEvent(CaseEventCatalogue.PaymentPlanAgreed), today, actor, ct);
            return plan.Id;
        }, ct);
    }

    /// <summary>
    /// A payment plan as staff register it (case page and API): the first term must be given and may not lie in the past.
    /// </summary>
    public async Task<long> AgreePaymentPlanAsync(long caseId, int terms, DateOnly? firstDue, DateOnly today, string actor, CancellationToken ct)
    {
        if (firstDue is null) throw new CaseActionException("Vul de datum van de eerste termijn in.");
        if (firstDue < today) throw new CaseActionException("De eerste termijn kan niet in het verleden liggen.");
        return await AgreePaymentPlanAsync(caseId, terms, firstDue.Value, today, actor, ct);
    }

    public Task RequestRemissionAsync(long caseId, DateOnly today, string actor, CancellationToken ct) =>
        InTransactionAsync(async (connection, tx) =>
        {
            if (await db.RemissionRequests.AnyAsync(r => r.CaseId == caseId && r.Status == "pending", ct))
                throw new CaseActionException("Er loopt al een verzoek om kwijtschelding voor deze zaak.");
            db.RemissionRequests.Add(new RemissionRequest { CaseId = caseId, Status = "pending", RequestedOn = today, CreatedAt = DateTimeOffset.UtcNow });
            Audit.Record(db, actor, "remission-requested", "collection_case", caseId);
            await db.SaveChangesAsync(ct);
            await workflow.AdvanceAsync(connection, tx, caseId, new WorkflowTrigger.CaseEvent(CaseEventCatalogue.RemissionRequested), today, actor, ct);
            return 0;
        }, ct);

    /// <summary>Grants or refuses the pending remission request; refusing needs a reason.</summary>
    public Task DecideRemissionAsync(long caseId, bool granted, string? reason, DateOnly today, string actor, CancellationToken ct) =>
        InTransactionAsync(async (connection, tx) =>
        {
            if (!granted && string.IsNullOrWhiteSpace(reason)) throw new CaseActionException("Geef een reden bij het afwijzen van kwijtschelding.");
            var request = await db.RemissionRequests.SingleOrDefaultAsync(r => r.CaseId == caseId && r.Status == "pending", ct)
                ?? throw new CaseActionException("Er is geen verzoek om kwijtschelding dat op een besluit wacht.");
            request.Status = granted ? "granted" : "refused";
            request.DecidedOn = today;
            request.DecidedBy = actor;
            request.Reason = reason;
            Audit.Record(db, actor, granted ? "remission-granted" : "remission-refused", "collection_case", caseId, reason: reason);
            await db.SaveChangesAsync(ct);
            await workflow.AdvanceAsync(connection, tx, caseId,
                new WorkflowTrigger.CaseEvent(CaseEventCatalogue.RemissionDecided, granted ? "toegekend" : "afgewezen"), today, actor, ct);
            return 0;
        }, ct);

    /// <summary>A remission decision as staff give it (case page and API): 'toegekend' or 'afgewezen'.</summary>
    public Task DecideRemissionAsync(long caseId, string? decision, string? reason, DateOnly today, string actor, CancellationToken ct)
    {
        if (decision is not ("toegekend" or "afgewezen")) throw new CaseActionException("Kies toekennen of afwijzen.");
        return DecideRemissionAsync(caseId, decision == "toegekend", reason, today, actor, ct);
    }

    /// <summary>Records a task's outcome (one of its step's outcomes) and tells the workflow.</summary>
    public Task CompleteTaskAsync(long taskId, string? outcome, string? note, DateOnly today, string actor, CancellationToken ct) =>
        InTransactionAsync(async (_, _) =>
        {
            if (string.IsNullOrEmpty(outcome)) throw new CaseActionException("Kies een uitkomst.");
            note = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
            var task = await db.FieldTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct)
                ?? throw new CaseActionException($"Taak {taskId} bestaat niet.");
            if (task.Status != "open") throw new CaseActionException($"Taak {taskId} is al afgehandeld.");
            var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, ct);
            var definition = await definitions.GetAsync(instance.DefinitionId, ct);
            if (definition.FindStep(task.StepId) is not TaskStep step || step.Outcomes.All(o => o.Name != outcome))
                throw new CaseActionException($"'{outcome}' is geen uitkomst van deze taak.");
            task.Status = "done";
            task.Outcome = outcome;
            task.OutcomeNote = note;
            task.AssignedTo ??= actor;
            task.CompletedOn = today;
            task.CompletedAt = DateTimeOffset.UtcNow;
            Audit.Record(db, actor, "task-completed", "field_task", taskId, details: new { outcome });
            Outbox.Add(db, new TaskCompleted(taskId, task.CaseId, outcome, actor));
            await db.SaveChangesAsync(ct);
            return 0;
        }, ct);

    /// <summary>The outcomes a person may choose for a task, from its workflow step.</summary>
    public async Task<IReadOnlyList<TaskOutcome>> OutcomesOfAsync(FieldTask task, CancellationToken ct)
    {
        var instance = await db.WorkflowInstances.AsNoTracking().SingleAsync(i => i.Id == task.InstanceId, ct);
        var definition = await definitions.GetAsync(instance.DefinitionId, ct);
        return definition.FindStep(task.StepId) is TaskStep step ? step.Outcomes : [];
    }

    /// <summary>The bailiff's report on a seizure order: betaald, deels-betaald or niets-te-halen.</summary>
    public Task RecordBailiffResultAsync(long seizureOrderId, string outcome, long paidCents, string actor, CancellationToken ct) =>
        InTransactionAsync(async (_, _) =>
        {
            if (EnumSlugExtensions.FromSlug<BailiffOutcome>(outcome) is null)
                throw new CaseActionException($"'{outcome}' is geen uitkomst van de deurwaarder: kies betaald, deels-betaald of niets-te-halen.");
            var order = await db.SeizureOrders.AsNoTracking().SingleOrDefaultAsync(o => o.Id == seizureOrderId && o.Status == "sent", ct)
                ?? throw new CaseActionException($"Beslagopdracht {seizureOrderId} is niet (meer) uitgezet.");
            Audit.Record(db, actor, "bailiff-result", "seizure_order", seizureOrderId, details: new { outcome, paidCents });
            Outbox.Add(db, new BailiffResultReceived(seizureOrderId, order.CaseId, outcome, paidCents));
            await db.SaveChangesAsync(ct);
            return 0;
        }, ct);

    private async Task<(long Open, long Paid)> OpenAndPaidAsync(long caseId, CancellationToken ct)
    {
        var row = await db.CollectionCases.Where(c => c.Id == caseId && c.Status == "open")
            .Join(db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { a.AmountCents, a.PaidCents })
            .SingleOrDefaultAsync(ct) ?? throw new CaseActionException($"Zaak {caseId} bestaat niet of is gesloten.");
        var costs = await db.CaseCosts.Where(c => c.CaseId == caseId).SumAsync(c => c.AmountCents, ct);
        return (row.AmountCents + costs - row.PaidCents, row.PaidCents);
    }

    private async Task<T> InTransactionAsync<T>(Func<NpgsqlConnection, NpgsqlTransaction, Task<T>> work, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await work((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction());
        await tx.CommitAsync(ct);
        return result;
    }
}

/// <summary>A person's action on a case cannot be done; the message says why, in Dutch.</summary>
public sealed class CaseActionException(string message) : Exception(message);
