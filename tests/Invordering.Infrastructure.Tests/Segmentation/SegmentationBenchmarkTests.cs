using Invordering.Infrastructure.Bench;
using Invordering.TestSupport;
using Npgsql;

namespace Invordering.Infrastructure.Tests.Segmentation;

public sealed class SegmentationBenchmarkTests
{
    private static string ServerConnectionString => $"Host={TestRun.PostgresHost};Database=postgres;Username=invordering;Password=invordering";

    [Fact]
    public async Task The_benchmark_segments_every_generated_debtor_against_the_baseline_and_drops_its_database()
    {
        var result = await SegmentationBenchmark.RunAsync(ServerConnectionString, SegmentationWorld.ShippedWorkflows, 3000, seed: 7,
            SegmentationWorld.Today, null, CancellationToken.None);

        Assert.Equal((3000, 9000L, 3000L, 3000L), (result.Debtors, result.HistoryRows, result.Summary.Debtors, result.Summary.Changed));
        Assert.All(result.Summary.PerSegment.Values, count => Assert.True(count > 0));
        Assert.True(result.BaselineBefore > TimeSpan.Zero && result.BaselineAfter > TimeSpan.Zero && result.Segmentation > TimeSpan.Zero);
        Assert.Equal((result.BaselineBefore + result.BaselineAfter) / 2, result.Baseline);
        Assert.Equal(result.Segmentation.TotalSeconds / result.Baseline.TotalSeconds, result.Ratio, 6);

        await using var server = NpgsqlDataSource.Create(ServerConnectionString);
        await using var command = server.CreateCommand("SELECT count(*) FROM pg_database WHERE datname LIKE @prefix");
        command.Parameters.AddWithValue("prefix", $"invordering\\_bench\\_{Environment.ProcessId}\\_%");
        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }
}
