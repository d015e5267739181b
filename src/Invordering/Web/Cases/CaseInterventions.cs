using Invordering.Infrastructure;
using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Workflows;
using Invordering.Web.Identity;
using Invordering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invordering.Web.Cases;

/// <summary>
/// What staff do on a case beyond <see cref="CaseActions"/>: pause and resume it with a reason (the workflow's
/// staff events), and write a note. Each change and its audit row commit together, like CaseActions.
/// </summary>
public sealed class CaseInterventions(InvorderingDbContext db, StaffDbContext staff, CaseWorkflow workflow)
{
    public Task PauseAsync(long caseId, string reason, DateOnly today, string actor, CancellationToken ct) =>
        SendAsync(caseId, CaseEventCatalogue.StaffPause, "case-paused", reason, today, actor, ct);

    public Task ResumeAsync(long caseId, string reason, DateOnly today, string actor, CancellationToken ct) =>
        SendAsync(caseId, CaseEventCatalogue.StaffResume, "case-resumed", reason, today, actor, ct);

    public async Task WriteNoteAsync(long caseId, string text, string actor, CancellationToken ct)
    {
        text = text.Trim();
        if (text.Length is 0 or > 4000) throw new CaseActionException("Een notitie heeft 1 tot 4000 tekens.");
        staff.CaseNotes.Add(new CaseNote { CaseId = caseId, Text = text, WrittenBy = actor, WrittenAt = DateTimeOffset.UtcNow });
        await staff.SaveChangesAsync(ct);
        Audit.Record(db, actor, "note-written", "collection_case", caseId);
        await db.SaveChangesAsync(ct);
    }

    private async Task SendAsync(long caseId, string caseEvent, string action, string reason, DateOnly today, string actor, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new CaseActionException("Geef een reden.");
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await workflow.AdvanceAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(), caseId,
            new WorkflowTrigger.CaseEvent(caseEvent), today, actor, ct);
        if (result is null) throw new CaseActionException("Deze zaak heeft geen lopende workflow.");
        if (result.Refused) throw new CaseActionException("De workflow neemt dit nu niet aan" + (result.Error is { } why ? $": {why.Message}" : "."));
        Audit.Record(db, actor, action, "collection_case", caseId, reason: reason.Trim());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
