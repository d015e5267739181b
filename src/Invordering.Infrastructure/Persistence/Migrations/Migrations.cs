using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Invordering.Infrastructure.Persistence.Migrations;

// EF Core's design-time package does not resolve on these machines (its template engine
// dependency is missing), so migrations are written by hand: each is a reviewed SQL script,
// applied and recorded by EF Core's own migrator in __EFMigrationsHistory. A test checks that the
// EF model and the migrated schema agree.

[DbContext(typeof(InvorderingDbContext))]
[Migration("20261122000001_Initial")]
public sealed class Initial : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load("0001_initial.sql"));
}

/// <summary>Reads a migration's SQL script embedded in this assembly.</summary>
internal static class SqlScript
{
    public static string Load(string fileName)
    {
        var assembly = typeof(SqlScript).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
