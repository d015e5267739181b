using System.Diagnostics;
using Invordering.Domain;
using Invordering.Domain.Segmentation;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invordering.Infrastructure.Segmentation;

/// <summary>
/// Segments debtors into kan-en-wil, wil-niet and kan-niet from their payment history: all at once
/// (set-based), or one debtor on a new fact or a person's override, which moves that debtor's open cases
/// to the other segment's workflow. Every read and change of a person's segment is audited.
/// </summary>
public sealed class Segmenter(NpgsqlDataSource dataSource, TimeProvider time)
{
    private const string Entity = "debtor_segment";

    /// <summary>
    /// The memory a run for every debtor gives each hash and sort (SET LOCAL, for its transaction only),
    /// so that matching the history of a million debtors and sorting what counts per debtor (some 3.4 million
    /// rows) stay in memory instead of spilling to disk.
    /// </summary>
    public const string BulkWorkMem = "512MB";

    /// <summary>
    /// Recomputes every debtor's facts and segment with the published rule set, in one transaction.
    /// Running cases keep their workflow: moving a case is for a person (re-segmenting one debtor or an override).
    /// </summary>
    public async Task<SegmentationRunSummary> SegmentAllAsync(InvorderingDbContext db, string actor, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        var today = await ServiceClock.TodayAsync(dataSource, time, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (connection, npgsqlTx) = Connection(db);
        await SegmentationLock.AcquireAsync(connection, npgsqlTx, ct);
        var ruleSet = await RuleSetStore.PublishedAsync(db, ct);

        await ExecuteAsync(connection, npgsqlTx, $"SET LOCAL work_mem = '{BulkWorkMem}'", ct);
        var phases = new List<(string Phase, TimeSpan Elapsed)>();
        var phase = Stopwatch.StartNew();
        await DebtorFactsUpdate.ComputeAsync(connection, npgsqlTx, today, debtorId: null, ct);
        phases.Add(("feiten berekenen", phase.Elapsed));
        phase.Restart();
        var counts = await DebtorSegmentsUpdate.ApplyAsync(connection, npgsqlTx, ruleSet, today, debtorId: null, ct);
        phases.Add(("regels toepassen en vastleggen", phase.Elapsed));
        phase.Restart();

        var overrides = await db.Database.SqlQuery<long>(
            $"SELECT count(DISTINCT debtor_id) AS \"Value\" FROM debtor_segment_overrides WHERE debtor_segment_override(debtor_id, {today}) IS NOT NULL")
            .SingleAsync(ct);
        var perSegment = Segments.ToDictionary(s => s, s => counts.PerSegment.GetValueOrDefault(s));
        Audit.Record(db, actor, "segment-run", "debtor_segments", null,
            details: new { ruleSetVersion = ruleSet.Version, today, counts.Debtors, counts.Changed, perSegment });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        phases.Add(("vastleggen en afronden", phase.Elapsed));
        return new SegmentationRunSummary(ruleSet.Version, counts.Debtors, counts.Changed, perSegment, overrides, watch.Elapsed, phases);
    }

    /// <summary>
    /// Recomputes one debtor's facts and segment (after a new fact) and moves their open cases when the
    /// effective segment changed; null when the debtor does not exist.
    /// </summary>
    public async Task<SegmentChange?> ResegmentDebtorAsync(InvorderingDbContext db, long debtorId, string actor, string? source,
        CancellationToken ct)
    {
        var today = await ServiceClock.TodayAsync(dataSource, time, ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (connection, npgsqlTx) = Connection(db);
        await SegmentationLock.AcquireAsync(connection, npgsqlTx, ct);
        if (!await db.Debtors.AnyAsync(d => d.Id == debtorId, ct)) return null;

        var before = await EffectiveSegmentAsync(db, debtorId, today, ct);
        var ruleSet = await RuleSetStore.PublishedAsync(db, ct);
        await DebtorFactsUpdate.ComputeAsync(connection, npgsqlTx, today, debtorId, ct);
        await DebtorSegmentsUpdate.ApplyAsync(connection, npgsqlTx, ruleSet, today, debtorId, ct);
        var after = await EffectiveSegmentAsync(db, debtorId, today, ct);
        var ruleId = await db.DebtorSegments.Where(s => s.DebtorId == debtorId && s.IsCurrent).Select(s => s.RuleId).SingleAsync(ct);
        var moved = await CaseMover.MoveOpenCasesAsync(db, debtorId, today, actor, $"opnieuw berekend, regel '{ruleId}'", ct);

        Audit.Record(db, actor, "resegment", Entity, debtorId, source,
            details: new { before, after, ruleId, ruleSetVersion = ruleSet.Version, movedCases = moved.Select(m => m.CaseId) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SegmentChange(before, after, moved, (await ViewAsync(db, debtorId, today, ct))!);
    }

    /// <summary>
    /// Records a person's override (segment, required reason, optional last day) and moves the debtor's open
    /// cases when the effective segment changed; null when the debtor does not exist.
    /// </summary>
    public async Task<SegmentChange?> OverrideAsync(InvorderingDbContext db, long debtorId, SegmentOverrideRequest request, string actor,
        string? source, CancellationToken ct)
    {
        var today = await ServiceClock.TodayAsync(dataSource, time, ct);
        var errors = request.Validate(today);
        if (errors.Count > 0) throw new SegmentationException(string.Join(" ", errors.Values.SelectMany(e => e)));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var (connection, npgsqlTx) = Connection(db);
        await SegmentationLock.AcquireAsync(connection, npgsqlTx, ct);
        if (!await db.Debtors.AnyAsync(d => d.Id == debtorId, ct)) return null;

        var before = await EffectiveSegmentAsync(db, debtorId, today, ct);
        var added = new DebtorSegmentOverride
        {
            DebtorId = debtorId, Segment = request.Segment!, Reason = request.Reason!.Trim(), EndsOn = request.EndsOn,
            Actor = actor, CreatedOn = today, CreatedAt = DateTimeOffset.UtcNow,
        };
        db.DebtorSegmentOverrides.Add(added);
        await db.SaveChangesAsync(ct);
        var after = await EffectiveSegmentAsync(db, debtorId, today, ct);
        var moved = await CaseMover.MoveOpenCasesAsync(db, debtorId, today, actor, $"handmatig vastgezet: {added.Reason}", ct);

        Audit.Record(db, actor, "override", Entity, debtorId, source, added.Reason,
            new { overrideId = added.Id, segment = added.Segment, endsOn = added.EndsOn, before, after, movedCases = moved.Select(m => m.CaseId) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return new SegmentChange(before, after, moved, (await ViewAsync(db, debtorId, today, ct))!);
    }

    /// <summary>A debtor's segment with its reasons, for a person to review (the read is audited); null when the debtor does not exist.</summary>
    public async Task<DebtorSegmentView?> DescribeAsync(InvorderingDbContext db, long debtorId, string actor, string? source, CancellationToken ct)
    {
        var today = await ServiceClock.TodayAsync(dataSource, time, ct);
        var view = await ViewAsync(db, debtorId, today, ct);
        if (view is null) return null;
        Audit.Record(db, actor, "read", Entity, debtorId, source);
        await db.SaveChangesAsync(ct);
        return view;
    }

    private static readonly string[] Segments = Enum.GetValues<Segment>().Select(s => s.ToSlug()).ToArray();

    private static async Task<DebtorSegmentView?> ViewAsync(InvorderingDbContext db, long debtorId, DateOnly today, CancellationToken ct)
    {
        if (!await db.Debtors.AnyAsync(d => d.Id == debtorId, ct)) return null;
        var effective = await EffectiveSegmentAsync(db, debtorId, today, ct);
        var overrideId = await db.Database.SqlQuery<long?>($"SELECT debtor_segment_override({debtorId}, {today}) AS \"Value\"").SingleAsync(ct);
        var active = overrideId is null ? null : await db.DebtorSegmentOverrides.AsNoTracking().SingleAsync(o => o.Id == overrideId, ct);
        var current = await db.DebtorSegments.AsNoTracking().SingleOrDefaultAsync(s => s.DebtorId == debtorId && s.IsCurrent, ct);
        var computed = current is null ? null : await ComputedAsync(db, current, ct);

        Segment.TryParseSlug(effective, out var segment);
        var reasons = new List<string>();
        if (active is not null)
            reasons.Add($"Een medewerker ({active.Actor}) heeft de klantgroep op {active.CreatedOn:dd-MM-yyyy} vastgezet op {active.Segment}"
                + (active.EndsOn is { } endsOn ? $" tot en met {endsOn:dd-MM-yyyy}" : "") + $". Reden: {active.Reason}");
        if (computed is not null)
            reasons.AddRange(active is null ? computed.Reasons : computed.Reasons.Select(r => "Berekend: " + r));
        else
            reasons.Add("Nog niet gesegmenteerd: tot de eerste segmentatie geldt kan én wil betalen.");

        return new DebtorSegmentView(debtorId, effective, segment.DisplayName,
            active is not null ? "override" : computed is not null ? "regel" : "standaard",
            reasons, computed,
            active is null ? null : new SegmentOverrideView(active.Id, active.Segment, active.Reason, active.EndsOn, active.Actor, active.CreatedAt));
    }

    private static async Task<ComputedSegmentView> ComputedAsync(InvorderingDbContext db, DebtorSegmentRecord current, CancellationToken ct)
    {
        var ruleSet = await RuleSetStore.GetAsync(db, current.RuleSetVersion, ct);
        var facts = current.ToFacts();
        var explanation = SegmentExplainer.Explain(ruleSet.RuleSet, ruleSet.Version, current.RuleId, facts, current.SegmentedOn);
        return new ComputedSegmentView(current.Segment, current.RuleId, explanation.RuleDescription, current.RuleSetVersion,
            current.SegmentedOn, current.SegmentedAt, explanation.Reasons,
            SegmentationFacts.All.Select(f => new FactView(f.Name, f.Description, facts[f.Name])).ToList());
    }

    private static Task<string> EffectiveSegmentAsync(InvorderingDbContext db, long debtorId, DateOnly today, CancellationToken ct) =>
        db.Database.SqlQuery<string>($"SELECT debtor_effective_segment({debtorId}, {today}) AS \"Value\"").SingleAsync(ct);

    private static (NpgsqlConnection Connection, NpgsqlTransaction Transaction) Connection(InvorderingDbContext db) =>
        ((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)db.Database.CurrentTransaction!.GetDbTransaction());

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
