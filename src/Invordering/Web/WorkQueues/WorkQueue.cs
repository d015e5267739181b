using Invordering.Infrastructure;
using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Import;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Workflows;
using Invordering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invordering.Web.WorkQueues;

/// <summary>
/// What waits for a member of staff: payments that match no assessment, workflow and message incidents, tasks
/// for the office (phone calls, reviews) and remission requests awaiting a decision.
/// </summary>
public sealed record WorkQueue(
    IReadOnlyList<UnmatchedPayment> UnmatchedPayments,
    IReadOnlyList<OpenIncident> Incidents,
    IReadOnlyList<OfficeTask> Tasks,
    IReadOnlyList<PendingDecision> Decisions)
{
    public const int PerList = 100;

    public static async Task<WorkQueue> LoadAsync(InvorderingDbContext db, CancellationToken ct)
    {
        var payments = await db.Payments.AsNoTracking().Where(p => p.Status == "unmatched").OrderBy(p => p.BookingDate).Take(PerList)
            .Select(p => new UnmatchedPayment(p.Id, p.BookingDate, p.AmountCents, p.Description, p.CounterpartyName)).ToListAsync(ct);
        var workflowIncidents = await db.WorkflowIncidents.AsNoTracking().Where(i => i.Status == "open").OrderBy(i => i.CreatedAt).Take(PerList)
            .Join(db.WorkflowInstances, i => i.InstanceId, w => w.Id, (i, w) => new OpenIncident("workflow", i.Id.ToString(), w.CaseId, i.StepId, i.Error, i.CreatedAt))
            .ToListAsync(ct);
        var messageIncidents = await db.MessageIncidents.AsNoTracking().Where(i => i.Status == "open").OrderBy(i => i.CreatedAt).Take(PerList)
            .Select(i => new OpenIncident("bericht", i.MessageId.ToString(), i.CaseId, i.MessageType, i.Error, i.CreatedAt)).ToListAsync(ct);
        var tasks = await db.FieldTasks.AsNoTracking().Where(t => t.Status == "open" && t.Team != "buitendienst").OrderBy(t => t.DueDate).Take(PerList)
            .Select(t => new OfficeTask(t.Id, t.CaseId, t.Kind, t.DueDate, t.AssignedTo)).ToListAsync(ct);
        var decisions = await db.RemissionRequests.AsNoTracking().Where(r => r.Status == "pending").OrderBy(r => r.RequestedOn).Take(PerList)
            .Select(r => new PendingDecision(r.CaseId, "kwijtschelding", r.RequestedOn)).ToListAsync(ct);
        return new WorkQueue(payments, workflowIncidents.Concat(messageIncidents).OrderBy(i => i.CreatedAt).ToList(), tasks, decisions);
    }

    /// <summary>The work queues, their reading audited (payer names are personal data) (page and API).</summary>
    public static async Task<WorkQueue> LoadAuditedAsync(InvorderingDbContext db, HttpContext http, CancellationToken ct)
    {
        var queue = await LoadAsync(db, ct);
        await Web.PersonalDataAudit.ReadAsync(db, http, "work_queue", null,
            new { payments = queue.UnmatchedPayments.Count, incidents = queue.Incidents.Count, tasks = queue.Tasks.Count });
        return queue;
    }

    /// <summary>Tries an incident again: a workflow incident by its workflow, any other as a failed message.</summary>
    public static Task RetryIncidentAsync(InvorderingDbContext db, string? kind, string? id, DateOnly today, string actor, CancellationToken ct) =>
        kind == "workflow" ? RetryWorkflowIncidentAsync(db, id ?? "", today, actor, ct) : RetryMessageIncidentAsync(db, id ?? "", actor, ct);

    /// <summary>
    /// Tries a failed message again: a copy of it (same type and body, a new message id, so that inboxes take it as
    /// new) goes into the outbox, and the incident is marked retried; if it fails again, a new incident appears.
    /// </summary>
    public static async Task RetryMessageIncidentAsync(InvorderingDbContext db, string id, string actor, CancellationToken ct)
    {
        if (!Guid.TryParse(id, out var messageId)) throw new CaseActionException("Deze storing is er niet (meer).");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var original = await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(o => o.MessageId == messageId, ct)
            ?? throw new CaseActionException("Het oorspronkelijke bericht is niet meer bewaard. Sla de storing over en los het met de hand op.");
        var now = DateTimeOffset.UtcNow;
        var changed = await db.MessageIncidents.Where(i => i.MessageId == messageId && i.Status == "open")
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, "retried").SetProperty(i => i.ResolvedAt, now).SetProperty(i => i.ResolvedBy, actor), ct);
        if (changed == 0) throw new CaseActionException("Deze storing is er niet (meer).");
        var copy = new OutboxMessage { MessageId = Guid.CreateVersion7(), MessageType = original.MessageType, Body = original.Body, CreatedAt = now };
        db.OutboxMessages.Add(copy);
        Audit.Record(db, actor, "incident-retried", "message_incident", id, details: new { retryMessageId = copy.MessageId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Links an unmatched payment to the assessment staff name by its number or betalingskenmerk, by the import's own
    /// matching and booking: the payment becomes matched, the assessment's paid amount goes up and PaymentReceived goes
    /// through the outbox, so the case's workflow hears of it as of any payment. Audited.
    /// </summary>
    public static async Task LinkPaymentAsync(InvorderingDbContext db, long paymentId, string? assessment, string actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(assessment)) throw new CaseActionException("Vul het aanslagnummer of het betalingskenmerk in.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await PaymentMatching.LinkByHandAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(),
            paymentId, assessment, ct);
        if (result.AssessmentId is not { } assessmentId)
            throw new CaseActionException($"Er is geen aanslag met aanslagnummer of betalingskenmerk '{assessment.Trim()}'.");
        if (!result.Linked) throw new CaseActionException("Deze betaling is al gekoppeld of bestaat niet (meer).");
        Audit.Record(db, actor, "payment-linked", "payment", paymentId, details: new { assessmentId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Tries a failed workflow step again: the instance goes back on the due list for <paramref name="today"/> (a failed
    /// instance waits again in the step where its advance began, or starts anew if it never started), so the timer
    /// service or the day's run moves it on; the incident is marked retried. If it fails again, a new incident appears.
    /// </summary>
    public static async Task RetryWorkflowIncidentAsync(InvorderingDbContext db, string id, DateOnly today, string actor, CancellationToken ct)
    {
        if (!long.TryParse(id, out var incidentId)) throw new CaseActionException("Deze storing is er niet (meer).");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var incident = await db.WorkflowIncidents.SingleOrDefaultAsync(i => i.Id == incidentId && i.Status == "open", ct)
            ?? throw new CaseActionException("Deze storing is er niet (meer).");
        var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == incident.InstanceId, ct);
        var state = instance.Status == "not-started"
            ? null
            : InstanceStateJson.Deserialize(instance.State);
        var woken = state switch
        {
            null => null,
            { Status: WorkflowStatus.Failed, CurrentStepId: null } => null,
            // A failed advance began when its timer was due, so the step may go on today; a parked timer keeps a later wake-up date.
            { Status: WorkflowStatus.Failed } => state with { Status = WorkflowStatus.Waiting, WakeUp = today, FailureReason = null },
            { Status: WorkflowStatus.Waiting } => state with { WakeUp = state.WakeUp > today ? state.WakeUp : today },
            _ => throw new CaseActionException(
                $"De workflow van zaak {instance.CaseId} wacht nu niet op een datum (status: {state.Status.ToDutch()}); los het op in de zaak en sla de storing daarna over."),
        };
        instance.Status = woken is null ? "not-started" : InstanceStateJson.StatusColumn(woken.Status);
        if (woken is not null) instance.State = InstanceStateJson.Serialize(woken);
        instance.WakeOn = woken?.WakeUp ?? today;
        instance.RowVersion++;
        instance.UpdatedAt = DateTimeOffset.UtcNow;
        incident.Status = "retried";
        incident.ResolvedAt = DateTimeOffset.UtcNow;
        incident.ResolvedBy = actor;
        db.Journal.Add(new JournalRecord
        {
            CaseId = instance.CaseId, InstanceId = instance.Id, OccurredOn = today, At = DateTimeOffset.UtcNow, Kind = "waiting",
            StepId = incident.StepId, Actor = actor, Reason = $"Na een storing opnieuw geprobeerd: de workflow wordt op {DutchDate.Format(instance.WakeOn.Value)} weer opgepakt.",
        });
        Audit.Record(db, actor, "incident-retried", "workflow_incident", id, details: new { instanceId = instance.Id, caseId = instance.CaseId });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw new CaseActionException("De workflow veranderde net; probeer het nog eens.");
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>Sets an incident aside: it stays in the log as skipped, with who did it; audited with the reason.</summary>
    public static async Task SkipIncidentAsync(InvorderingDbContext db, string kind, string id, string reason, string actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new CaseActionException("Geef een reden om de storing over te slaan.");
        var now = DateTimeOffset.UtcNow;
        var changed = kind switch
        {
            "workflow" when long.TryParse(id, out var workflowId) => await db.WorkflowIncidents.Where(i => i.Id == workflowId && i.Status == "open")
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, "skipped").SetProperty(i => i.ResolvedAt, now).SetProperty(i => i.ResolvedBy, actor), ct),
            "bericht" when Guid.TryParse(id, out var messageId) => await db.MessageIncidents.Where(i => i.MessageId == messageId && i.Status == "open")
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.Status, "skipped").SetProperty(i => i.ResolvedAt, now).SetProperty(i => i.ResolvedBy, actor), ct),
            _ => 0,
        };
        if (changed == 0) throw new CaseActionException("Deze storing is er niet (meer).");
        Audit.Record(db, actor, "incident-skipped", kind == "workflow" ? "workflow_incident" : "message_incident", id, reason: reason.Trim());
        await db.SaveChangesAsync(ct);
    }
}

public sealed record UnmatchedPayment(long Id, DateOnly BookingDate, long AmountCents, string? Description, string? CounterpartyName);

public sealed record OpenIncident(string Kind, string Id, long? CaseId, string Where, string Error, DateTimeOffset CreatedAt);

public sealed record OfficeTask(long Id, long CaseId, string Kind, DateOnly DueDate, string? AssignedTo);

public sealed record PendingDecision(long CaseId, string What, DateOnly Since);
