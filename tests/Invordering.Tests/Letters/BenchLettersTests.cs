using Invordering.TestSupport;

namespace Invordering.Tests.Letters;

/// <summary>`invordering bench letters`, run as the real executable on a small number of letters.</summary>
public sealed class BenchLettersTests
{
    [Fact]
    public async Task Bench_letters_prints_the_stored_rate_beside_the_render_rate_and_the_pdf_pages_per_second()
    {
        var server = new Dictionary<string, string>
        {
            ["ConnectionStrings__Invordering"] = $"Host={TestRun.PostgresHost};Database=postgres;Username=invordering;Password=invordering",
        };

        var (exit, output, err) = await CommandLineTests.RunAsync(server, "bench", "letters", "--letters", "100");

        Assert.True(exit == 0, err);
        Assert.Matches(@"bench letters: 100 brieven, \d+ MB HTML", output);
        Assert.Matches(@"alleen renderen \(ondergrens\) +[\d,]+ s +[\d.]+ brieven/s", output);
        Assert.Matches(@"ophalen, renderen en opslaan +[\d,]+ s +[\d.]+ brieven/s", output);
        Assert.Matches(@"verhouding opgeslagen/alleen renderen: \d+,\d\d", output);
        Assert.Matches(@"PDF: 100 brieven, [1-9][\d.]* pagina's in [\d,]+ s: [\d.]+ pagina's/s", output);
    }
}
