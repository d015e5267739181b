using System.CommandLine;
using Invordering.Hosting;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure;

namespace Invordering.Cli;

/// <summary>`invordering migrate`: applies migrations and loads the shipped workflows and templates.</summary>
public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Past de databasemigraties toe en laadt de meegeleverde workflows en sjablonen als versie 1 waar die ontbreken.");
        command.SetAction((_, ct) => CommandAction.RunAsync(async token =>
        {
            var configuration = InvorderingConfiguration.Build();
            await using var dataSource = Database.CreateDataSource(Database.ConnectionString(configuration));
            await using var db = Database.CreateContext(dataSource);
            var applied = await Setup.MigrateAndSeedAsync(db, token);
            Console.WriteLine(applied.Count == 0
                ? "De database is al bijgewerkt."
                : $"Migraties toegepast: {string.Join(", ", applied)}");
            return 0;
        }, ct));
        return command;
    }
}
