using Invordering.Infrastructure.Bench;
using Invordering.TestSupport;

namespace Invordering.Tests;

/// <summary>`invordering import` as staff run it: audited, a refused file in one Dutch line, and killed in the middle of a merge.</summary>
public sealed class ImportCommandTests : IAsyncLifetime
{
    private const int Rows = 100_000;
    private readonly TestDatabase _database = new();
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("invordering-import-command-");

    /// <summary>The command's settings: the test database.</summary>
    private Dictionary<string, string> Settings => new() { ["ConnectionStrings__Invordering"] = _database.ConnectionString };

    public Task InitializeAsync() => _database.InitializeAsync();

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        _folder.Delete(recursive: true);
    }

    [Fact]
    public async Task The_command_imports_and_records_who_imported_what_and_a_file_it_cannot_read_is_refused_in_one_Dutch_line()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "Data", "aanslagen-voorbeeld.csv");

        var (exit, output, errors) = await CommandLineTests.RunAsync(Settings, "import", "aanslagen", sample);

        Assert.True(exit == 0, $"The import failed ({exit}):\n{output}\n{errors}");
        Assert.Contains("aanslagen-voorbeeld.csv: batch", output);
        var batch = await _database.ScalarAsync<long>("SELECT id FROM import_batches WHERE status = 'merged'");
        Assert.Equal(1, await CountAsync(
            $"audit_log WHERE action = 'import' AND entity = 'import_batch' AND entity_id = '{batch}' AND source = 'invordering import aanslagen' AND actor = '{Environment.UserName}'"));

        var notCsv = Path.Combine(_folder.FullName, "aanslagen.csv");
        await File.WriteAllTextAsync(notCsv, "aanslagnummer,belastingjaar\n2026100001,2026\n");
        (exit, _, errors) = await CommandLineTests.RunAsync(Settings, "import", "aanslagen", notCsv);

        Assert.NotEqual(0, exit);
        var line = Assert.Single(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("puntkomma", line);
        Assert.Equal(1, await CountAsync("audit_log WHERE action = 'import-rejected' AND source = 'invordering import aanslagen'"));
        Assert.Equal(1, await CountAsync("import_batches WHERE status = 'rejected'"));
    }

    /// <summary>
    /// Killed (SIGKILL, no shutdown) while it merges a large batch: the batch was staged and committed, the merge had dropped
    /// the tables' indexes and keys (a bulk load) and was writing debtors or assessments or building the indexes again.
    /// Nothing of the merge may remain, the indexes and keys must all be there again, and running the same command again
    /// must complete the import once.
    /// </summary>
    [Fact]
    public async Task An_import_killed_during_its_merge_leaves_nothing_half_merged_and_running_it_again_completes_it()
    {
        var file = Path.Combine(_folder.FullName, "aanslagen.csv");
        new AssessmentGenerator(seed: 7, taxYear: 2026).WriteCsv(file, Rows);
        var keysBefore = await IndexesAndKeysAsync();

        using (var first = ServiceProcess.Start(Settings, "import", "aanslagen", file, "--json"))
        {
            await Eventually.HoldsAsync(async () => first.HasExited || await MergeWritesTheTablesAsync(),
                "the merge writes debtors, assessments or their indexes", TimeSpan.FromMinutes(3));
            Assert.False(first.HasExited, $"The import ended ({first.Ending}) before it could be killed:\n{first.Output}");
            await first.KillAsync();
        }
        // The server ends the dead client's statement and rolls its transaction back.
        await Eventually.HoldsAsync(async () => await _database.ScalarAsync<long>(
            "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start IS NOT NULL") == 0,
            "the killed import's transaction is gone", TimeSpan.FromMinutes(3));

        Assert.Equal((0L, 0L), (await CountAsync("debtors"), await CountAsync("assessments")));
        Assert.Equal("staged", await _database.ScalarAsync<string>("SELECT string_agg(status, ',') FROM import_batches"));
        Assert.Equal(Rows, await CountAsync("staging_assessments"));
        Assert.Equal(keysBefore, await IndexesAndKeysAsync());

        var (exit, output, errors) = await CommandLineTests.RunAsync(Settings, "import", "aanslagen", file, "--json");
        Assert.True(exit == 0, $"The second run failed ({exit}):\n{output}\n{errors}");
        Assert.Contains($"\"accepted\":{Rows},", output);
        Assert.Equal(Rows, await CountAsync("assessments"));
        Assert.Equal(Rows, await _database.ScalarAsync<long>("SELECT count(DISTINCT assessment_number) FROM assessments"));
        Assert.Equal("merged", await _database.ScalarAsync<string>("SELECT string_agg(status, ',') FROM import_batches"));
        Assert.Equal(0, await CountAsync("staging_assessments"));
        Assert.Equal(keysBefore, await IndexesAndKeysAsync());

        var (_, again, _) = await CommandLineTests.RunAsync(Settings, "import", "aanslagen", file, "--json");
        Assert.Contains("\"alreadyImported\":true", again);
        Assert.Equal(Rows, await CountAsync("assessments"));
    }

    /// <summary>Whether the import's merge is inserting debtors or assessments, or building their indexes and keys again.</summary>
    private Task<bool> MergeWritesTheTablesAsync() => _database.ScalarAsync<bool>(
        """
        SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND state = 'active'
                       AND (query LIKE '%INSERT INTO debtors (%' OR query LIKE '%INSERT INTO assessments (%'
                            OR query LIKE 'CREATE %INDEX%' OR query LIKE 'ALTER TABLE % ADD CONSTRAINT%'))
        """);

    private Task<long> CountAsync(string table) => _database.ScalarAsync<long>($"SELECT count(*) FROM {table}");

    /// <summary>Every index and constraint of the tables a bulk load drops and builds again, with its definition.</summary>
    private Task<string> IndexesAndKeysAsync() => _database.ScalarAsync<string>(
        """
        SELECT string_agg(d, E'\n' ORDER BY d) FROM (
            SELECT indexdef AS d FROM pg_indexes WHERE tablename IN ('debtors', 'assessments')
            UNION ALL
            SELECT conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) FROM pg_constraint
            WHERE conrelid IN ('debtors'::regclass, 'assessments'::regclass)) definitions
        """);
}
