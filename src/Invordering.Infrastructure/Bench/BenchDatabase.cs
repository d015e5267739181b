using Invordering.Infrastructure.Persistence;
using Npgsql;

namespace Invordering.Infrastructure.Bench;

/// <summary>A database of its own on the configured server, migrated, for one benchmark run; dropped when disposed.</summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly string _adminConnectionString;

    private BenchDatabase(string name, string adminConnectionString, NpgsqlDataSource dataSource)
    {
        Name = name;
        _adminConnectionString = adminConnectionString;
        DataSource = dataSource;
    }

    public string Name { get; }

    public NpgsqlDataSource DataSource { get; }

    /// <summary>Creates and migrates the database on the server of <paramref name="connectionString"/>.</summary>
    public static async Task<BenchDatabase> CreateAsync(string connectionString, CancellationToken ct)
    {
        var name = $"invordering_bench_{Environment.ProcessId}_{Random.Shared.Next(1 << 24):x6}";
        // CREATE DATABASE works from any database: the maintenance database 'postgres', else the configured one.
        var admin = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        try
        {
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"", ct, TemplateInUse);
        }
        catch (PostgresException e) when (e.SqlState is "3D000" or "42501")
        {
            admin = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString;
            await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"", ct, TemplateInUse);
        }

        var dataSource = Database.CreateDataSource(new NpgsqlConnectionStringBuilder(connectionString) { Database = name }.ConnectionString);
        var database = new BenchDatabase(name, admin, dataSource);
        try
        {
            await using var context = Database.CreateContext(dataSource);
            await Database.MigrateAsync(context, ct);
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        // An autovacuum worker in the database cannot be terminated by a non-superuser (42501); it ends by itself soon.
        await ExecuteAsync(_adminConnectionString, $"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)", CancellationToken.None, "42501", "55006");
    }

    /// <summary>CREATE DATABASE copies template1 and fails while another session is creating a database from it.</summary>
    private const string TemplateInUse = "55006";

    /// <summary>Runs one statement; an error whose SQLSTATE is in <paramref name="passing"/> is a moment's conflict, retried after a short pause.</summary>
    private static async Task ExecuteAsync(string connectionString, string sql, CancellationToken ct, params string[] passing)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(ct);
                await using var command = new NpgsqlCommand(sql, connection);
                await command.ExecuteNonQueryAsync(ct);
                return;
            }
            catch (PostgresException e) when (passing.Contains(e.SqlState) && attempt < 120)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(100 * Math.Min(attempt, 5)), ct);
            }
        }
    }
}
