using Npgsql;

namespace Invordering.Infrastructure.Segmentation;

/// <summary>
/// Serialises the transactions that write debtor segments (a run for everyone, one debtor's
/// re-segmentation, an override), so a debtor never gets two current segment rows.
/// </summary>
public static class SegmentationLock
{
    /// <summary>Takes the lock until the transaction ends.</summary>
    public static async Task AcquireAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtext('debtor_segments'))", connection, tx) { CommandTimeout = 0 };
        await command.ExecuteNonQueryAsync(ct);
    }
}
