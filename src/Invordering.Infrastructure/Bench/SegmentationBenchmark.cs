using System.Diagnostics;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Segmentation;
using Npgsql;

namespace Invordering.Infrastructure.Bench;

/// <summary>
/// What `bench segment` measured: segmenting every debtor against one bare aggregate over the same history,
/// timed once before and once after the segmentation.
/// </summary>
public sealed record SegmentationBenchResult(
    int Debtors,
    long HistoryRows,
    TimeSpan Generated,
    TimeSpan BaselineBefore,
    TimeSpan BaselineAfter,
    TimeSpan Segmentation,
    SegmentationRunSummary Summary)
{
    /// <summary>The baseline: the mean of its two timings, so a change in machine load or cache during the run weighs on both sides.</summary>
    public TimeSpan Baseline => (BaselineBefore + BaselineAfter) / 2;

    /// <summary>Segmentation time as a multiple of the baseline: 1 would be as fast as the bare aggregate.</summary>
    public double Ratio => Segmentation.TotalSeconds / Baseline.TotalSeconds;
}

/// <summary>
/// Measures segmentation against its physical baseline in one run, in a database of its own: generates
/// debtors with three years of payment history each and a current assessment (set-based, with
/// generate_series), then times one bare INSERT ... SELECT aggregate over the same history (count and
/// sum per debtor into a table without keys or indexes, with the same work_mem as segmentation) before
/// and after the segmentation of every debtor.
/// </summary>
public static class SegmentationBenchmark
{
    public const int HistoryYears = 3;

    /// <summary>Runs the benchmark with the rule set shipped in <paramref name="workflowsFolder"/>.</summary>
    public static async Task<SegmentationBenchResult> RunAsync(string connectionString, string workflowsFolder, int debtors, int seed,
        DateOnly today, IProgress<string>? log, CancellationToken ct)
    {
        log?.Report("database aanmaken");
        await using var database = await BenchDatabase.CreateAsync(connectionString, ct);
        await using (var db = Database.CreateContext(database.DataSource))
            await Setup.SeedAsync(db, workflowsFolder, ct);
        await using (var connection = await database.DataSource.OpenConnectionAsync(ct))
            await ServiceClock.AdvanceToAsync(connection, null, today, ct);

        log?.Report("debiteuren en historie maken");
        var clock = Stopwatch.StartNew();
        var historyRows = await GenerateAsync(database.DataSource, debtors, seed, today, ct);
        await ExecuteAsync(database.DataSource, "VACUUM ANALYZE", ct);
        var generated = clock.Elapsed;

        log?.Report("ondergrens");
        await ExecuteAsync(database.DataSource, "CREATE TABLE bench_history_totals (debtor_id bigint, claims bigint, amount_cents bigint)", ct);
        var baselineBefore = await BaselineAsync(database.DataSource, ct);

        log?.Report("segmenteren");
        clock.Restart();
        SegmentationRunSummary summary;
        await using (var db = Database.CreateContext(database.DataSource))
            summary = await new Segmenter(database.DataSource, TimeProvider.System).SegmentAllAsync(db, "bench", ct);
        var segmentation = clock.Elapsed;

        log?.Report("ondergrens");
        var baselineAfter = await BaselineAsync(database.DataSource, ct);
        return new SegmentationBenchResult(debtors, historyRows, generated, baselineBefore, baselineAfter, segmentation, summary);
    }

    /// <summary>The floor: count and sum of the history per debtor into a bare table, in one statement with segmentation's work_mem.</summary>
    private static async Task<TimeSpan> BaselineAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await ExecuteAsync(dataSource, "TRUNCATE bench_history_totals", ct);
        var clock = Stopwatch.StartNew();
        await ExecuteAsync(dataSource,
            $"""
            BEGIN;
            SET LOCAL work_mem = '{Segmenter.BulkWorkMem}';
            INSERT INTO bench_history_totals (debtor_id, claims, amount_cents)
            SELECT d.id, count(h.id), coalesce(sum(h.amount_cents), 0)
            FROM debtors d
            LEFT JOIN payment_history h ON coalesce(h.bsn, h.kvk) = coalesce(d.bsn, d.kvk)
            GROUP BY d.id;
            COMMIT;
            """, ct);
        return clock.Elapsed;
    }

    /// <summary>
    /// One statement per table: debtors (one in twenty a company with a KvK number), three claims of history
    /// each with outcomes in roughly the proportions of a tax office, and one assessment this year
    /// (four in ten by direct debit). Returns the number of history rows.
    /// </summary>
    private static async Task<long> GenerateAsync(NpgsqlDataSource dataSource, int debtors, int seed, DateOnly today, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            SELECT setseed(@seed);
            INSERT INTO import_batches (kind, file_name, sha256, status, created_by)
            VALUES ('historie', 'bench', repeat('0', 64), 'merged', 'bench'), ('aanslagen', 'bench', repeat('1', 64), 'merged', 'bench');

            INSERT INTO debtors (bsn, kvk, name, street, house_number, postcode, city)
            SELECT CASE WHEN n % 20 <> 0 THEN lpad(n::text, 9, '0') END, CASE WHEN n % 20 = 0 THEN lpad(n::text, 8, '0') END,
                   'Debiteur ' || n, 'Dorpsstraat', (n % 200 + 1)::text, (1000 + n % 9000)::text || 'AB', 'Plaats'
            FROM generate_series(1, @debtors) n;

            INSERT INTO payment_history (bsn, kvk, tax_year, assessment_number, amount_cents, outcome, days_late, settled_on, batch_id)
            SELECT s.bsn, s.kvk, (@year - s.y)::smallint, 'H' || s.id || '-' || s.y, 5000 + (s.id * 7919 + s.y * 104729) % 95000,
                   CASE WHEN s.r < 0.700 THEN 'op-tijd'
                        WHEN s.r < 0.800 THEN 'na-herinnering'
                        WHEN s.r < 0.870 THEN 'na-aanmaning'
                        WHEN s.r < 0.910 THEN 'na-dwangbevel'
                        WHEN s.r < 0.930 THEN 'na-hernieuwd-bevel'
                        WHEN s.r < 0.945 THEN 'deurwaarder-betaald'
                        WHEN s.r < 0.950 THEN 'beslag-zonder-resultaat'
                        WHEN s.r < 0.965 THEN 'regeling-nagekomen'
                        WHEN s.r < 0.972 THEN 'regeling-vervallen'
                        WHEN s.r < 0.990 THEN 'kwijtschelding-toegekend'
                        WHEN s.r < 0.997 THEN 'kwijtschelding-afgewezen'
                        ELSE 'oninbaar' END,
                   CASE WHEN s.r < 0.700 THEN 0 ELSE 14 + s.id % 120 END,
                   @today - (s.y * 365 + s.id % 300)::integer,
                   (SELECT id FROM import_batches WHERE kind = 'historie')
            FROM (SELECT d.id, d.bsn, d.kvk, y, random() AS r FROM debtors d CROSS JOIN generate_series(0, @years - 1) y) s;

            INSERT INTO assessments (assessment_number, debtor_id, tax_year, issue_date, due_date, direct_debit, amount_cents,
                                     payment_reference, content_hash, batch_id)
            SELECT 'A' || d.id, d.id, @year, make_date(@year, 2, 28), make_date(@year, 4, 30), d.id % 5 < 2, 5000 + d.id % 95000,
                   lpad(d.id::text, 16, '0'), 0, (SELECT id FROM import_batches WHERE kind = 'aanslagen')
            FROM debtors d;
            """, connection, tx) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("seed", seed % 1000 / 1000.0);
        command.Parameters.AddWithValue("debtors", debtors);
        command.Parameters.AddWithValue("years", HistoryYears);
        command.Parameters.AddWithValue("year", (short)today.Year);
        command.Parameters.AddWithValue("today", today);
        await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
        return (long)debtors * HistoryYears;
    }

    private static async Task ExecuteAsync(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        command.CommandTimeout = 0;
        await command.ExecuteNonQueryAsync(ct);
    }
}
