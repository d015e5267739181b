using Invordering.Infrastructure;
using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Workflows;
using Invordering.Web.Identity;
using Invordering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invordering.Web.Cases;

/// <summary>
/// What staff do on a case beyond <see cref="CaseActions"/>: pause and resume it with a reason (the workflow's
/// staff events), grant and end a deferral for an objection, write the claim off, and write a note. Each change and
/// its audit row commit together, like CaseActions.
/// </summary>
public sealed class CaseInterventions(InvorderingDbContext db, StaffDbContext staff, CaseWorkflow workflow)
{
    public Task PauseAsync(long caseId, string reason, DateOnly today, string actor, CancellationToken ct) =>
        SendAsync(caseId, CaseEventCatalogue.StaffPause, "case-paused", reason, today, actor, ct);

    public Task ResumeAsync(long caseId, string reason, DateOnly today, string actor, CancellationToken ct) =>
        SendAsync(caseId, CaseEventCatalogue.StaffResume, "case-resumed", reason, today, actor, ct);

    /// <summary>An objection (bezwaar) with a deferral (uitstel) of payment: the workflow pauses on its 'uitstel' hold.</summary>
    public Task GrantDeferralAsync(long caseId, string reason, DateOnly today, string actor, CancellationToken ct) =>
        SendAsync(caseId, CaseEventCatalogue.ObjectionDeferral, "objection-deferral-granted", reason, today, actor, ct,
            "Geef een reden voor het uitstel, bijvoorbeeld het kenmerk van het bezwaar.");

    /// <summary>The deferral ends (the objection was decided or withdrawn): the workflow lifts its 'uitstel' hold.</summary>
    public Task EndDeferralAsync(long caseId, string reason, DateOnly today, string actor, CancellationToken ct) =>
        SendAsync(caseId, CaseEventCatalogue.DeferralEnded, "deferral-ended", reason, today, actor, ct,
            "Geef een reden voor het beëindigen van het uitstel, bijvoorbeeld de uitspraak op het bezwaar.");

    /// <summary>
    /// Declares the claim uncollectible (oninbaarverklaring): the workflow's 'oninbaar-verklaard' event ends it with
    /// outcome oninbaar, which closes the case; the journal keeps the reason.
    /// </summary>
    public Task WriteOffAsync(long caseId, string reason, DateOnly today, string actor, CancellationToken ct) =>
        SendAsync(caseId, CaseEventCatalogue.WrittenOff, "case-written-off", reason, today, actor, ct,
            "Geef een reden waarom de vordering oninbaar is.", result =>
            {
                if (!result.Effects.OfType<CompleteCaseEffect>().Any(e => e.Outcome == CaseOutcome.WriteOff))
                    throw new CaseActionException("De workflow van deze zaak kent geen oninbaarverklaring; pas de workflow aan of stop de zaak.");
                db.Journal.Add(new JournalRecord
                {
                    CaseId = caseId, OccurredOn = today, At = DateTimeOffset.UtcNow, Kind = "completed", Actor = actor,
                    Reason = $"De vordering is oninbaar verklaard: {reason.Trim()}",
                });
                return Task.CompletedTask;
            });

    public async Task WriteNoteAsync(long caseId, string text, string actor, CancellationToken ct)
    {
        text = text.Trim();
        if (text.Length is 0 or > 4000) throw new CaseActionException("Een notitie heeft 1 tot 4000 tekens.");
        staff.CaseNotes.Add(new CaseNote { CaseId = caseId, Text = text, WrittenBy = actor, WrittenAt = DateTimeOffset.UtcNow });
        await staff.SaveChangesAsync(ct);
        Audit.Record(db, actor, "note-written", "collection_case", caseId);
        await db.SaveChangesAsync(ct);
    }

    private async Task SendAsync(long caseId, string caseEvent, string action, string reason, DateOnly today, string actor, CancellationToken ct,
        string reasonMissing = "Geef een reden.", Func<AdvanceResult, Task>? afterwards = null)
    {
        if (string.IsNullOrWhiteSpace(reason)) throw new CaseActionException(reasonMissing);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var result = await workflow.AdvanceAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(), caseId,
            new WorkflowTrigger.CaseEvent(caseEvent), today, actor, ct);
        if (result is null) throw new CaseActionException("Deze zaak heeft geen lopende workflow.");
        if (result.Refused) throw new CaseActionException("De workflow neemt dit nu niet aan" + (result.Error is { } why ? $": {why.Message}" : "."));
        if (afterwards is not null) await afterwards(result);
        Audit.Record(db, actor, action, "collection_case", caseId, reason: reason.Trim());
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
