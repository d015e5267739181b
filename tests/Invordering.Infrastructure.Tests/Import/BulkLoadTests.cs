using Invordering.Infrastructure.Bench;
using Invordering.Infrastructure.Import;
using Npgsql;

namespace Invordering.Infrastructure.Tests.Import;

/// <summary>A large batch is merged with the indexes, unreferenced keys and foreign keys dropped, and leaves them exactly as they were.</summary>
public sealed class BulkLoadTests : ImportTestDatabase
{
    private const string Catalogue = """
        SELECT string_agg(definition, E'\n' ORDER BY definition) FROM (
            SELECT pg_get_indexdef(indexrelid) AS definition FROM pg_index
            WHERE indrelid IN ('debtors'::regclass, 'assessments'::regclass)
            UNION ALL
            SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' ' || convalidated FROM pg_constraint
            WHERE conrelid IN ('debtors'::regclass, 'assessments'::regclass)) d
        """;

    [Fact]
    public async Task A_large_batch_is_merged_whole_and_leaves_every_index_and_key_in_place()
    {
        var before = await Db.ScalarAsync<string>(Catalogue);
        var path = Files.Write("groot.csv", "");
        new AssessmentGenerator(seed: 11, taxYear: 2026).WriteCsv(path, BulkLoad.MinimumRows + 5_000);
        var timings = new ImportTimings();

        var summary = await Runner.RunAsync(new AssessmentImportFormat(ImportFiles.Today), path, "test", null, timings, CancellationToken.None);

        Assert.Equal((BulkLoad.MinimumRows + 5_000, 0), (summary.Accepted, summary.Rejected));
        Assert.Contains(timings.Phases, p => p.Phase == "indexen en sleutels terug");
        Assert.Equal(before, await Db.ScalarAsync<string>(Catalogue));
        Assert.Equal(summary.Accepted, await CountAsync("assessments a JOIN debtors d ON d.id = a.debtor_id"));
        var orphan = await Assert.ThrowsAsync<PostgresException>(() => Db.ExecuteAsync("UPDATE assessments SET debtor_id = -1 WHERE id = (SELECT min(id) FROM assessments)"));
        Assert.Equal(PostgresErrorCodes.ForeignKeyViolation, orphan.SqlState);

        var small = await ImportTextAsync(ImportKind.Aanslagen, "klein.csv", AssessmentCsv.File(AssessmentCsv.Row(2030000001)));
        Assert.Equal(1, small.Accepted);
    }
}
