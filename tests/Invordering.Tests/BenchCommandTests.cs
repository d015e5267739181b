using Invordering.TestSupport;

namespace Invordering.Tests;

/// <summary>`invordering bench`: a dispatcher over capabilities, run as the real executable.</summary>
public sealed class BenchCommandTests
{
    private static readonly Dictionary<string, string> Server = new()
    {
        ["ConnectionStrings__Invordering"] = $"Host={TestRun.PostgresHost};Database=postgres;Username=invordering;Password=invordering",
    };

    [Fact]
    public async Task An_unknown_capability_ends_with_one_Dutch_line_and_a_non_zero_exit()
    {
        var (exit, _, err) = await CommandLineTests.RunAsync(Server, "bench", "onzin");

        Assert.NotEqual(0, exit);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("invordering: 'onzin' kan niet gemeten worden; kies uit: import, ", line);
    }

    [Fact]
    public async Task Bench_import_measures_both_in_a_database_it_creates_and_drops()
    {
        var (exit, output, err) = await CommandLineTests.RunAsync(Server, "bench", "import", "--rows", "2000", "--seed", "3");

        Assert.True(exit == 0, err);
        Assert.Contains("bench import: 2.000 aanslagen", output);
        Assert.Matches(@"ruwe COPY \(ondergrens\) +[\d,]+ s +[\d.]+ regels/s", output);
        Assert.Matches(@"  import +[\d,]+ s +[\d.]+ regels/s", output);
        Assert.Matches(@"verhouding import/ruw: \d+,\d\d", output);
        Assert.Matches(@"piekgeheugen: [\d.]+ MB", output);
        var database = System.Text.RegularExpressions.Regex.Match(output, @"in database (\S+)").Groups[1].Value;
        Assert.StartsWith("invordering_bench_", database);
        await using var connection = new Npgsql.NpgsqlConnection(Server["ConnectionStrings__Invordering"]);
        await connection.OpenAsync();
        await using var exists = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM pg_database WHERE datname = '{database}'", connection);
        Assert.Equal(0L, await exists.ExecuteScalarAsync());
    }
}
