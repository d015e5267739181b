using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Npgsql;

namespace Invordering.TestSupport;

/// <summary>A real PostgreSQL database of its own, migrated, dropped when disposed.</summary>
public sealed class TestDatabase : IAsyncLifetime
{
    public string Name { get; } = TestRun.NewName("db");
    public string ConnectionString => $"Host={TestRun.PostgresHost};Database={Name};Username=invordering;Password=invordering;Timeout=60;Command Timeout=300";
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    private static string AdminConnectionString => $"Host={TestRun.PostgresHost};Database=postgres;Username=invordering;Password=invordering;Timeout=60;Command Timeout=120";

    public async Task InitializeAsync()
    {
        await using (var admin = new NpgsqlConnection(AdminConnectionString))
        {
            await admin.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{Name}\"", admin);
            await create.ExecuteNonQueryAsync();
        }
        DataSource = Database.CreateDataSource(ConnectionString);
        await using var db = CreateContext();
        await Setup.MigrateAndSeedAsync(db, CancellationToken.None);
    }

    public InvorderingDbContext CreateContext() => Database.CreateContext(DataSource);

    public async Task<T> ScalarAsync<T>(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    public async Task DisposeAsync()
    {
        await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(AdminConnectionString);
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", admin);
        // An autovacuum worker in the database cannot be terminated by a non-superuser; it ends by itself soon.
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await drop.ExecuteNonQueryAsync();
                return;
            }
            catch (PostgresException e) when (e.SqlState is "42501" or "55006" && attempt < 50)
            {
                await Task.Delay(100);
            }
        }
    }
}
