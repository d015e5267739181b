using Invordering.Infrastructure.Import;
using static Invordering.Infrastructure.Tests.Import.AssessmentCsv;

namespace Invordering.Infrastructure.Tests.Import;

/// <summary>An import stopped between staging and merge leaves nothing half-merged; the next run of the file completes it once.</summary>
public sealed class InterruptedImportTests : ImportTestDatabase
{
    [Fact]
    public async Task An_import_stopped_after_staging_is_merged_once_by_the_next_run()
    {
        var path = ImportFiles.Sample("aanslagen-voorbeeld.csv");
        var format = new AssessmentImportFormat(ImportFiles.Today);

        var batchId = await Runner.StageOnlyAsync(format, path, "test", CancellationToken.None);

        Assert.Equal(0, await CountAsync("assessments"));
        Assert.Equal(0, await CountAsync("debtors"));
        Assert.Equal(8, await CountAsync($"staging_assessments WHERE batch_id = {batchId}"));
        Assert.Equal(1, await CountAsync($"import_batches WHERE id = {batchId} AND status = 'staged' AND accepted = 0"));

        var resumed = await ImportAsync(ImportKind.Aanslagen, path);

        Assert.Equal((batchId, 8, 8, false), (resumed.BatchId, resumed.Rows, resumed.Accepted, resumed.AlreadyImported));
        Assert.Equal(8, await CountAsync("assessments"));
        Assert.Equal(1, await CountAsync("import_batches"));
        Assert.Equal(1, await CountAsync($"import_batches WHERE id = {batchId} AND status = 'merged'"));
        Assert.Equal(0, await CountAsync("staging_assessments"));

        var again = await ImportAsync(ImportKind.Aanslagen, path);
        Assert.True(again.AlreadyImported);
        Assert.Equal(8, await CountAsync("assessments"));
    }

    [Fact]
    public async Task A_staged_batch_whose_rows_were_lost_is_read_again()
    {
        // Staging tables are unlogged: a database crash empties them, and a 'staged' batch loses its rows.
        var path = Files.Write("aanslagen.csv", File(Row(2026100001), Row(2026100002, ("bsn", "123456789"))));
        var lost = await Runner.StageOnlyAsync(new AssessmentImportFormat(ImportFiles.Today), path, "test", CancellationToken.None);
        await Db.ExecuteAsync("DELETE FROM staging_assessments");

        var summary = await ImportAsync(ImportKind.Aanslagen, path);

        Assert.NotEqual(lost, summary.BatchId);
        Assert.Equal((2, 1, 1), (summary.Rows, summary.Accepted, summary.Rejected));
        Assert.Equal(0, await CountAsync($"import_batches WHERE id = {lost}"));
        Assert.Equal(1, await CountAsync("import_batches WHERE status = 'merged'"));
    }

    [Fact]
    public async Task The_staged_rows_of_another_file_survive_the_merge_of_this_one()
    {
        var waiting = Files.Write("wachtend.csv", File(Row(2026100001), Row(2026100002)));
        var staged = await Runner.StageOnlyAsync(new AssessmentImportFormat(ImportFiles.Today), waiting, "test", CancellationToken.None);

        var other = await ImportTextAsync(ImportKind.Aanslagen, "ander.csv", File(Row(2026100003)));

        Assert.Equal(1, other.Accepted);
        Assert.Equal(2, await CountAsync($"staging_assessments WHERE batch_id = {staged}"));
        Assert.Equal(2, await CountAsync("staging_assessments"));
        var resumed = await ImportAsync(ImportKind.Aanslagen, waiting);
        Assert.Equal((staged, 2), (resumed.BatchId, resumed.Accepted));
        Assert.Equal(0, await CountAsync("staging_assessments"));
    }

    [Fact]
    public async Task Cancelling_while_staging_stores_nothing()
    {
        var path = Files.Write("groot.csv", File(Enumerable.Range(0, 50_000).Select(i => Row(2026_000_000 + i)).ToArray()));
        using var cancel = new CancellationTokenSource();
        var progress = new CancelOnFirstReport(cancel);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            Runner.RunAsync(ImportKind.Aanslagen, path, "test", ImportFiles.Today, progress, cancel.Token));

        Assert.Equal(0, await CountAsync("import_batches"));
        Assert.Equal(0, await CountAsync("staging_assessments"));
        Assert.Equal(0, await CountAsync("assessments"));
    }

    /// <summary>Cancels the import at its first progress report, in the middle of reading the file.</summary>
    private sealed class CancelOnFirstReport(CancellationTokenSource cancel) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value)
        {
            if (value.Phase == "inlezen" && value.BytesRead < value.BytesTotal) cancel.Cancel();
        }
    }
}
