using System.Diagnostics;
using Invordering.Domain.Imports;
using Invordering.Infrastructure.Import;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Bench;

/// <summary>What `bench import` measured: the import through <see cref="ImportRunner"/> against a raw binary COPY of the same rows.</summary>
public sealed record ImportBenchResult(
    string Database,
    int Rows,
    long FileBytes,
    TimeSpan Generated,
    ImportSummary Summary,
    TimeSpan Import,
    IReadOnlyList<(string Phase, TimeSpan Elapsed)> Phases,
    TimeSpan RawCopy,
    long PeakMemoryBytes)
{
    public double ImportRowsPerSecond => Rows / Import.TotalSeconds;

    public double RawRowsPerSecond => Rows / RawCopy.TotalSeconds;

    /// <summary>Import speed as a fraction of the physical floor: 1 would be as fast as the raw COPY.</summary>
    public double Ratio => ImportRowsPerSecond / RawRowsPerSecond;
}

/// <summary>
/// Measures the aanslagen import against its physical baseline in one run, in a database of its
/// own: first a raw binary COPY of the generated rows (already parsed) into a bare table without
/// indexes, then the import of the same rows as a file, with the time of each phase.
/// </summary>
public static class ImportBenchmark
{
    private const string RawTable = """
        CREATE TABLE bench_raw_assessments (
            assessment_number text, tax_year smallint, issue_date date, due_date date, instalments smallint,
            direct_debit boolean, amount_cents bigint, payment_reference text, bsn text, kvk text, name text,
            street text, house_number text, postcode text, city text, phone text, email text, tax_kind text)
        """;

    public static async Task<ImportBenchResult> RunAsync(string connectionString, int rows, int seed, DateOnly today,
        IProgress<string>? log, CancellationToken ct)
    {
        log?.Report("database aanmaken");
        await using var database = await BenchDatabase.CreateAsync(connectionString, ct);
        var folder = Directory.CreateTempSubdirectory("invordering-bench-");
        try
        {
            var generator = new AssessmentGenerator(seed, today.Year);
            var path = Path.Combine(folder.FullName, $"aanslagen-{rows}.csv");
            log?.Report("bestand maken");
            var clock = Stopwatch.StartNew();
            generator.WriteCsv(path, rows);
            var generated = clock.Elapsed;

            log?.Report("ruwe COPY");
            clock.Restart();
            await RawCopyAsync(database.DataSource, generator.Rows(rows), ct);
            var rawCopy = clock.Elapsed;

            log?.Report("import");
            var timings = new ImportTimings();
            clock.Restart();
            var summary = await new ImportRunner(database.DataSource).RunAsync(new AssessmentImportFormat(today), path, "bench", null, timings, ct);
            var import = clock.Elapsed;

            return new ImportBenchResult(database.Name, rows, new FileInfo(path).Length, generated, summary, import, timings.Phases, rawCopy,
                Process.GetCurrentProcess().PeakWorkingSet64);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>The floor: the rows' fields by binary COPY into a table with no indexes, nothing else.</summary>
    private static async Task RawCopyAsync(NpgsqlDataSource dataSource, IEnumerable<AssessmentRow> rows, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using (var create = new NpgsqlCommand(RawTable, connection)) await create.ExecuteNonQueryAsync(ct);
        await using var importer = await connection.BeginBinaryImportAsync(
            "COPY bench_raw_assessments FROM STDIN (FORMAT BINARY)", ct);
        foreach (var row in rows)
        {
            importer.StartRow();
            AssessmentImportFormat.WriteFileColumns(importer, row);
        }
        await importer.CompleteAsync(ct);
    }
}
