using Invordering.Domain.Imports;
using Invordering.Infrastructure.Import;
using Invordering.TestSupport;
using Npgsql;

namespace Invordering.Infrastructure.Tests.Import;

/// <summary>A migrated test database with the import runner and a folder for import files; one per test.</summary>
public abstract class ImportTestDatabase : IAsyncLifetime
{
    protected TestDatabase Db { get; } = new();
    internal ImportFiles Files { get; } = new();
    protected ImportRunner Runner { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Db.InitializeAsync();
        Runner = new ImportRunner(Db.DataSource);
    }

    public async Task DisposeAsync()
    {
        Files.Dispose();
        await Db.DisposeAsync();
    }

    protected Task<ImportSummary> ImportAsync(ImportKind kind, string path) =>
        Runner.RunAsync(kind, path, "test", ImportFiles.Today);

    protected Task<ImportSummary> ImportTextAsync(ImportKind kind, string name, string text) =>
        ImportAsync(kind, Files.Write(name, text));

    protected Task<long> CountAsync(string tableAndCondition) => Db.ScalarAsync<long>($"SELECT count(*) FROM {tableAndCondition}");

    /// <summary>The rejections stored for a batch, in the order of the summary's errors.</summary>
    protected async Task<List<ImportError>> StoredRejectionsAsync(long batchId)
    {
        await using var command = Db.DataSource.CreateCommand(
            "SELECT line, column_name, code, message FROM import_rejections WHERE batch_id = $1 ORDER BY line, column_name COLLATE \"C\", code COLLATE \"C\"");
        command.Parameters.Add(new NpgsqlParameter { Value = batchId });
        await using var reader = await command.ExecuteReaderAsync();
        var rejections = new List<ImportError>();
        while (await reader.ReadAsync())
            rejections.Add(new ImportError(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3)));
        return rejections;
    }

    /// <summary>Asserts the summary's errors and the stored rejections are exactly the expected ones, in line order.</summary>
    protected async Task AssertRejectedAsync(ImportSummary summary, IEnumerable<ImportError> expected)
    {
        var ordered = expected.OrderBy(e => e.Line).ThenBy(e => e.Column, StringComparer.Ordinal).ThenBy(e => e.Code, StringComparer.Ordinal).ToList();
        AssertSameErrors(ordered, summary.Errors);
        AssertSameErrors(ordered, await StoredRejectionsAsync(summary.BatchId));
    }

    private static void AssertSameErrors(IReadOnlyList<ImportError> expected, IReadOnlyList<ImportError> actual)
    {
        var missing = expected.Except(actual).ToList();
        var unexpected = actual.Except(expected).ToList();
        Assert.True(missing.Count == 0 && unexpected.Count == 0,
            $"Missing: {string.Join("; ", missing)}{Environment.NewLine}Unexpected: {string.Join("; ", unexpected)}");
        Assert.Equal(expected, actual);
    }
}
