using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Workflows;
using Invordering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invordering.Infrastructure.Consumers;

/// <summary>Base for consumers that move a case's workflow on, inside the inbox transaction.</summary>
public abstract class WorkflowEventConsumer<T>(InvorderingDbContext db, CaseWorkflow workflow, NpgsqlDataSource dataSource, TimeProvider time)
    : IdempotentConsumer<T>(db) where T : class
{
    protected async Task AdvanceAsync(long caseId, WorkflowTrigger trigger, string actor, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)Db.Database.GetDbConnection();
        var tx = (NpgsqlTransaction)Db.Database.CurrentTransaction!.GetDbTransaction();
        var today = await ServiceClock.TodayAsync(dataSource, time, ct);
        await workflow.AdvanceAsync(connection, tx, caseId, trigger, today, actor, ct);
    }
}

/// <summary>A matched payment: the case's workflow hears "paid in full" or "paid in part".</summary>
public sealed class PaymentReceivedConsumer(InvorderingDbContext db, CaseWorkflow workflow, NpgsqlDataSource dataSource, TimeProvider time)
    : WorkflowEventConsumer<PaymentReceived>(db, workflow, dataSource, time)
{
    protected override async Task HandleAsync(PaymentReceived message, CancellationToken ct)
    {
        var found = await Db.CollectionCases.Where(c => c.AssessmentId == message.AssessmentId && c.Status == "open")
            .Join(Db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { c.Id, a.AmountCents, a.PaidCents })
            .SingleOrDefaultAsync(ct);
        if (found is null) return;
        var costs = await Db.CaseCosts.Where(c => c.CaseId == found.Id).SumAsync(c => c.AmountCents, ct);
        var paidInFull = found.PaidCents >= found.AmountCents + costs;
        var name = paidInFull ? CaseEventCatalogue.PaidInFull : CaseEventCatalogue.PaidPartly;
        await AdvanceAsync(found.Id, new WorkflowTrigger.CaseEvent(name), "betaling", ct);
    }
}

/// <summary>A person chose a task's outcome: the workflow continues on it.</summary>
public sealed class TaskCompletedConsumer(InvorderingDbContext db, CaseWorkflow workflow, NpgsqlDataSource dataSource, TimeProvider time)
    : WorkflowEventConsumer<TaskCompleted>(db, workflow, dataSource, time)
{
    protected override Task HandleAsync(TaskCompleted message, CancellationToken ct) =>
        AdvanceAsync(message.CaseId, new WorkflowTrigger.TaskCompleted(message.Outcome), message.Actor, ct);
}

/// <summary>The bailiff reported: the seizure order is closed and the workflow continues on the result.</summary>
public sealed class BailiffResultConsumer(InvorderingDbContext db, CaseWorkflow workflow, NpgsqlDataSource dataSource, TimeProvider time)
    : WorkflowEventConsumer<BailiffResultReceived>(db, workflow, dataSource, time)
{
    protected override async Task HandleAsync(BailiffResultReceived message, CancellationToken ct)
    {
        var outcome = EnumSlugExtensions.FromSlug<BailiffOutcome>(message.Outcome)
            ?? throw new InvalidOperationException($"Onbekende uitkomst van de deurwaarder: '{message.Outcome}'.");
        var status = outcome switch
        {
            BailiffOutcome.Paid => "paid",
            BailiffOutcome.PartlyPaid => "partly-paid",
            _ => "nothing-to-seize",
        };
        await Db.SeizureOrders.Where(o => o.Id == message.SeizureOrderId && o.Status == "sent")
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, status).SetProperty(o => o.ClosedAt, DateTimeOffset.UtcNow), ct);
        await AdvanceAsync(message.CaseId, new WorkflowTrigger.BailiffResult(outcome), "deurwaarder", ct);
    }
}
