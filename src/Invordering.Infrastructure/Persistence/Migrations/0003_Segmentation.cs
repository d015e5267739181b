using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Invordering.Infrastructure.Persistence.Migrations;

[DbContext(typeof(InvorderingDbContext))]
[Migration("20261122000003_Segmentation")]
public sealed class Segmentation : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load("0003_segmentation.sql"));
}
