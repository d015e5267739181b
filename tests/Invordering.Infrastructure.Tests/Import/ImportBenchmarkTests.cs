using System.Security.Cryptography;
using Invordering.Infrastructure.Bench;
using Invordering.Infrastructure.Import;
using Invordering.TestSupport;

namespace Invordering.Infrastructure.Tests.Import;

public sealed class ImportBenchmarkTests : ImportTestDatabase
{
    [Fact]
    public async Task Generated_assessments_are_valid_Dutch_data_and_the_same_for_the_same_seed()
    {
        var first = Files.Write("a.csv", "");
        new AssessmentGenerator(seed: 7, taxYear: 2026).WriteCsv(first, 3000);
        var second = Files.Write("b.csv", "");
        new AssessmentGenerator(seed: 7, taxYear: 2026).WriteCsv(second, 3000);
        var other = Files.Write("c.csv", "");
        new AssessmentGenerator(seed: 8, taxYear: 2026).WriteCsv(other, 3000);

        var summary = await ImportAsync(ImportKind.Aanslagen, first);

        Assert.Equal("", string.Join(", ", summary.Errors.Take(5)));
        Assert.Equal((3000, 3000, 0), (summary.Rows, summary.Accepted, summary.Rejected));
        Assert.Equal(SHA256.HashData(System.IO.File.ReadAllBytes(first)), SHA256.HashData(System.IO.File.ReadAllBytes(second)));
        Assert.NotEqual(SHA256.HashData(System.IO.File.ReadAllBytes(first)), SHA256.HashData(System.IO.File.ReadAllBytes(other)));
        // Debtors are shared: fewer debtors than assessments; some businesses; instalments for some.
        Assert.InRange(await CountAsync("debtors"), 1500, 2700);
        Assert.InRange(await CountAsync("debtors WHERE kvk IS NOT NULL"), 50, 250);
        Assert.InRange(await CountAsync("assessments WHERE instalments > 1"), 600, 1200);
    }
}
