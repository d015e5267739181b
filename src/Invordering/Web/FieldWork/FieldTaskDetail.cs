using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Web.FieldWork;

/// <summary>
/// One phone call or home visit with only what doing it needs: who, where, how to reach them, what is open and why,
/// and the outcomes the task's workflow step offers (none once the task is done). The task page and /api/tasks/{id}.
/// </summary>
public sealed record FieldTaskDetail(FieldTask Task, Debtor Debtor, string AssessmentNumber, long OpenCents, string Segment, IReadOnlyList<TaskOutcome> Outcomes)
{
    public string KindName => Task.Kind switch { "huisbezoek" => "Huisbezoek", "telefoon" => "Telefoongesprek", _ => "Beoordeling" };

    public static async Task<FieldTaskDetail?> LoadAsync(InvorderingDbContext db, CaseActions actions, long taskId, CancellationToken ct)
    {
        var task = await db.FieldTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null) return null;
        var found = await db.CollectionCases.AsNoTracking().Where(c => c.Id == task.CaseId)
            .Join(db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { Case = c, Assessment = a })
            .Join(db.Debtors, x => x.Case.DebtorId, d => d.Id, (x, d) => new { x.Case, x.Assessment, Debtor = d })
            .SingleAsync(ct);
        var costs = await db.CaseCosts.Where(c => c.CaseId == task.CaseId).SumAsync(c => c.AmountCents, ct);
        var open = Math.Max(0, found.Assessment.AmountCents + costs - found.Assessment.PaidCents);
        var outcomes = task.Status == "open" ? await actions.OutcomesOfAsync(task, ct) : [];
        return new FieldTaskDetail(task, found.Debtor, found.Assessment.AssessmentNumber, open, found.Case.Segment, outcomes);
    }
}
