using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Invordering.Infrastructure.Persistence.Migrations;

[DbContext(typeof(InvorderingDbContext))]
[Migration("20261122000002_CaseWork")]
public sealed class CaseWork : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load("0002_case_work.sql"));
}
