using Npgsql;

namespace Invordering.Infrastructure;

/// <summary>
/// "Today" for the service: the simulated date in service_clock when one is set (demo, run,
/// simulation), otherwise the real date in the Netherlands.
/// </summary>
public static class ServiceClock
{
    private static readonly TimeZoneInfo Amsterdam = TimeZoneInfo.FindSystemTimeZoneById("Europe/Amsterdam");

    public static async Task<DateOnly> TodayAsync(NpgsqlDataSource dataSource, TimeProvider time, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand("SELECT today FROM service_clock");
        return await command.ExecuteScalarAsync(ct) is DateOnly simulated ? simulated : RealToday(time);
    }

    public static DateOnly RealToday(TimeProvider time) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), Amsterdam).DateTime);

    /// <summary>Moves the simulated clock to a date (never backwards).</summary>
    public static async Task AdvanceToAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, DateOnly date, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            "INSERT INTO service_clock (today) VALUES (@date) ON CONFLICT (singleton) DO UPDATE SET today = greatest(service_clock.today, excluded.today)",
            connection, tx);
        command.Parameters.AddWithValue("date", date);
        await command.ExecuteNonQueryAsync(ct);
    }
}
