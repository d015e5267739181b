using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Invordering.Infrastructure.Persistence.Migrations;

[DbContext(typeof(InvorderingDbContext))]
[Migration("20261122000016_DropUnusedNameIndex")]
public sealed class DropUnusedNameIndex : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load("0016_drop_unused_name_index.sql"));
}
