using Invordering.Infrastructure;
using Invordering.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Tests;

public sealed class SchemaTests : IAsyncLifetime
{
    private readonly TestDatabase _db = new();
    public Task InitializeAsync() => _db.InitializeAsync();
    public Task DisposeAsync() => _db.DisposeAsync();

    [Fact]
    public async Task Every_mapped_table_and_column_exists_in_the_migrated_schema()
    {
        await using var context = _db.CreateContext();
        var missing = new List<string>();
        foreach (var entity in context.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName();
                var exists = await _db.ScalarAsync<long>(
                    $"SELECT count(*) FROM information_schema.columns WHERE table_name = '{table}' AND column_name = '{column}'");
                if (exists != 1) missing.Add($"{table}.{column}");
            }
        }
        Assert.Empty(missing);
    }

    [Fact]
    public async Task Migrating_again_applies_nothing_and_the_shipped_workflows_are_published_once()
    {
        await using var context = _db.CreateContext();
        var applied = await Setup.MigrateAndSeedAsync(context, CancellationToken.None);
        Assert.Empty(applied);
        var published = await context.WorkflowDefinitions.Where(d => d.Status == "published").Select(d => d.WorkflowId).ToListAsync();
        Assert.Equal(published.Distinct().Count(), published.Count);
    }

    [Fact]
    public async Task Money_is_never_stored_as_floating_point()
    {
        var floats = await _db.ScalarAsync<long>(
            "SELECT count(*) FROM information_schema.columns WHERE table_schema = 'public' AND data_type IN ('real', 'double precision')");
        Assert.Equal(0, floats);
    }
}
