using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Invordering.Hosting;

/// <summary>Checks what a long-running command needs before it starts, so it fails at once with a clear line.</summary>
public static class Preflight
{
    public static async Task CheckDatabaseAsync(IServiceProvider services, CancellationToken ct)
    {
        var dataSource = services.GetRequiredService<NpgsqlDataSource>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
    }
}
