using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Invordering.Infrastructure.Persistence.Migrations;

[DbContext(typeof(InvorderingDbContext))]
[Migration("20261122000004_TemplatesAndPrintRuns")]
public sealed class TemplatesAndPrintRuns : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load("0004_print_runs.sql"));
}
