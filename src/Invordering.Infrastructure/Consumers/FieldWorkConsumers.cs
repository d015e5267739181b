using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Consumers;

/// <summary>Creates the phone call, home visit or review a workflow asked for; one task per command.</summary>
public sealed class CreateFieldTaskConsumer(InvorderingDbContext db) : IdempotentConsumer<CreateFieldTask>(db)
{
    protected override async Task HandleAsync(CreateFieldTask command, CancellationToken ct)
    {
        if (await Db.FieldTasks.AnyAsync(t => t.CommandId == command.CommandId, ct)) return;
        Db.FieldTasks.Add(new FieldTask
        {
            CaseId = command.CaseId,
            InstanceId = command.InstanceId,
            StepId = command.StepId,
            Kind = command.Kind,
            Status = "open",
            DueDate = command.DueDate,
            Team = command.Kind == "huisbezoek" ? "buitendienst" : "invordering",
            CommandId = command.CommandId,
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }
}

/// <summary>Cancels a case's open tasks when its workflow paused or ended.</summary>
public sealed class CancelFieldTaskConsumer(InvorderingDbContext db) : IdempotentConsumer<CancelFieldTask>(db)
{
    protected override Task HandleAsync(CancelFieldTask command, CancellationToken ct) =>
        Db.FieldTasks.Where(t => t.CaseId == command.CaseId && t.Status == "open")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, "cancelled"), ct);
}

/// <summary>Hands a seizure order for the open amount plus costs to the external bailiff.</summary>
public sealed class SendSeizureOrderConsumer(InvorderingDbContext db) : IdempotentConsumer<SendSeizureOrder>(db)
{
    protected override async Task HandleAsync(SendSeizureOrder command, CancellationToken ct)
    {
        if (await Db.SeizureOrders.AnyAsync(o => o.CommandId == command.CommandId, ct)) return;
        var open = await Db.CollectionCases.Where(c => c.Id == command.CaseId)
            .Join(Db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => a.AmountCents - a.PaidCents).SingleAsync(ct);
        var costs = await Db.CaseCosts.Where(c => c.CaseId == command.CaseId).SumAsync(c => c.AmountCents, ct);
        Db.SeizureOrders.Add(new SeizureOrder
        {
            CaseId = command.CaseId,
            Status = "sent",
            AmountCents = Math.Max(0, open) + costs,
            CommandId = command.CommandId,
            CreatedAt = DateTimeOffset.UtcNow,
        });
    }
}

/// <summary>Recalls the case's seizure order from the bailiff (the debtor paid, or collection paused).</summary>
public sealed class RecallSeizureOrderConsumer(InvorderingDbContext db) : IdempotentConsumer<RecallSeizureOrder>(db)
{
    protected override Task HandleAsync(RecallSeizureOrder command, CancellationToken ct) =>
        Db.SeizureOrders.Where(o => o.CaseId == command.CaseId && o.Status == "sent")
            .ExecuteUpdateAsync(s => s.SetProperty(o => o.Status, "recalled").SetProperty(o => o.ClosedAt, DateTimeOffset.UtcNow), ct);
}
