using System.Text.Json;
using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Workflows;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invordering.Infrastructure.Segmentation;

/// <summary>A case that moved to the workflow of another segment.</summary>
public sealed record MovedCase(long CaseId, string From, string To);

/// <summary>
/// Moves a debtor's open cases into the workflow of the debtor's effective segment, through the workflow
/// runtime's switch: the running instance ends as 'switched' and the segment's published workflow starts.
/// An open task is cancelled and a seizure order at the bailiff recalled; the case timeline says why.
/// </summary>
public static class CaseMover
{
    private sealed record OpenCase(long CaseId, string From, long InstanceId, string To, bool HasOpenTask, bool HasSeizureOrder, string Step);

    /// <summary>Moves, in the caller's transaction on <paramref name="db"/>, the cases whose segment differs from the effective one.</summary>
    public static async Task<IReadOnlyList<MovedCase>> MoveOpenCasesAsync(InvorderingDbContext db, long debtorId, DateOnly today,
        string actor, string why, CancellationToken ct)
    {
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        var tx = (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction();
        var cases = await OpenCasesInOtherSegmentAsync(connection, tx, debtorId, today, ct);
        foreach (var c in cases)
        {
            await InstanceStore.SwitchAsync(connection, tx, c.InstanceId, c.CaseId, workflowId: null, segment: c.To, today, ct);
            if (c.HasOpenTask) Outbox.Add(db, new CancelFieldTask(NewId.NextGuid(), c.CaseId, c.Step));
            if (c.HasSeizureOrder) Outbox.Add(db, new RecallSeizureOrder(NewId.NextGuid(), c.CaseId));
            db.Journal.Add(new JournalRecord
            {
                CaseId = c.CaseId,
                InstanceId = c.InstanceId,
                OccurredOn = today,
                At = DateTimeOffset.UtcNow,
                Kind = "event",
                Actor = actor,
                Reason = $"Klantgroep gewijzigd van {c.From} naar {c.To} ({why}); de zaak gaat verder in de workflow voor {c.To}.",
                Data = JsonSerializer.Serialize(new { from = c.From, to = c.To, why }, JsonSerializerOptions.Web),
            });
        }
        return cases.Select(c => new MovedCase(c.CaseId, c.From, c.To)).ToList();
    }

    private static async Task<List<OpenCase>> OpenCasesInOtherSegmentAsync(NpgsqlConnection connection, NpgsqlTransaction tx, long debtorId,
        DateOnly today, CancellationToken ct)
    {
        await using var select = new NpgsqlCommand(
            """
            SELECT c.id, c.segment, i.id, debtor_effective_segment(c.debtor_id, @today),
                   EXISTS (SELECT 1 FROM field_tasks t WHERE t.case_id = c.id AND t.status = 'open'),
                   EXISTS (SELECT 1 FROM seizure_orders o WHERE o.case_id = c.id AND o.status = 'sent'),
                   i.current_step
            FROM collection_cases c
            JOIN workflow_instances i ON i.case_id = c.id AND i.status NOT IN ('completed', 'switched')
            WHERE c.debtor_id = @debtor AND c.status = 'open' AND c.segment <> debtor_effective_segment(c.debtor_id, @today)
            ORDER BY c.id
            FOR UPDATE OF c, i
            """, connection, tx);
        select.Parameters.AddWithValue("debtor", debtorId);
        select.Parameters.AddWithValue("today", today);
        var cases = new List<OpenCase>();
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            cases.Add(new OpenCase(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3),
                reader.GetBoolean(4), reader.GetBoolean(5), reader.GetString(6)));
        return cases;
    }
}
