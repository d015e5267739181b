using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Invordering.Infrastructure.Persistence;

/// <summary>Where the database is, and how to bring its schema up to date.</summary>
public static class Database
{
    public const string DefaultConnectionString =
        "Host=127.0.0.1;Port=5432;Database=invordering;Username=invordering;Password=invordering";

    public static string ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString("Invordering") is { Length: > 0 } value ? value : DefaultConnectionString;

    public static NpgsqlDataSource CreateDataSource(string connectionString)
    {
        NpgsqlConnectionStringBuilder builder;
        try
        {
            builder = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException ex)
        {
            throw new ConfigurationException($"ConnectionStrings__Invordering is geen geldige verbindingsreeks: {ex.Message}");
        }
        // The same statements run for every batch of a day: prepared, the server plans them once per connection instead of on
        // every execution (planning the case facts of a batch took 12-40 ms, longer than running them). Left as configured
        // when the connection string sets it.
        if (!connectionString.Replace(" ", "", StringComparison.Ordinal).Contains("MaxAutoPrepare", StringComparison.OrdinalIgnoreCase))
            builder.MaxAutoPrepare = AutoPreparedStatements;
        return new NpgsqlDataSourceBuilder(builder.ConnectionString).Build();
    }

    /// <summary>Statements Npgsql prepares automatically per connection, the most used first.</summary>
    public const int AutoPreparedStatements = 100;

    public static void Configure(DbContextOptionsBuilder options, NpgsqlDataSource dataSource) =>
        options.UseNpgsql(dataSource, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.PendingModelChangesWarning));

    /// <summary>A context outside dependency injection, for commands and tests.</summary>
    public static InvorderingDbContext CreateContext(NpgsqlDataSource dataSource)
    {
        var options = new DbContextOptionsBuilder<InvorderingDbContext>();
        Configure(options, dataSource);
        return new InvorderingDbContext(options.Options);
    }

    /// <summary>Applies the pending migrations; returns their names.</summary>
    public static async Task<IReadOnlyList<string>> MigrateAsync(InvorderingDbContext db, CancellationToken ct)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(ct)).ToList();
        if (pending.Count > 0) await db.Database.MigrateAsync(ct);
        return pending;
    }
}
