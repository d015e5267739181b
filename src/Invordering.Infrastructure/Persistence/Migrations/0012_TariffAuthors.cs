using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Invordering.Infrastructure.Persistence.Migrations;

[DbContext(typeof(InvorderingDbContext))]
[Migration("20261122000012_TariffAuthors")]
public sealed class TariffAuthors : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder) =>
        migrationBuilder.Sql(SqlScript.Load("0012_tariff_authors.sql"));
}
