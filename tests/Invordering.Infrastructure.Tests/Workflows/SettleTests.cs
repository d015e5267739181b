using Invordering.Infrastructure.Workflows;
using Invordering.TestSupport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Invordering.Infrastructure.Tests.Workflows;

/// <summary>
/// Settling (a service day waits until every message it caused is handled) with a message that another worker's
/// transaction drew a sequence for but has not committed yet, while a later message is committed and handled.
/// </summary>
public sealed class SettleTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private IHost _host = null!;

    public async Task InitializeAsync()
    {
        await _database.InitializeAsync();
        // No worker: nothing handles the messages but this test, which writes their inbox rows itself.
        _host = ServiceHostFactory.Build(ServiceHostFactory.Configuration(_database, null), withWorker: false);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_message_committed_late_with_a_lower_sequence_is_waited_for_and_never_passed_over()
    {
        await using var otherWorker = await _database.DataSource.OpenConnectionAsync();
        await using var late = await otherWorker.BeginTransactionAsync();
        var lateMessage = await AddMessageAsync(otherWorker, late);
        var handled = await AddMessageAsync(null, null);
        await HandleAsync(handled);

        var settling = _host.Services.GetRequiredService<ServiceRun>().SettleAsync(CancellationToken.None);

        await Eventually.HoldsAsync(async () => settling.IsCompleted || await _database.ScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM pg_locks WHERE relation = 'outbox_messages'::regclass AND mode = 'ShareLock' AND NOT granted)"),
            "settling waits for the transaction still writing the outbox");
        Assert.False(settling.IsCompleted, "Settling ended while a message drawn before the handled one was still being committed.");

        await late.CommitAsync();
        await Eventually.HoldsAsync(async () => settling.IsCompleted || await _database.ScalarAsync<long>(
            "SELECT coalesce(max(sequence), -1) FROM outbox_settled") == lateMessage - 1, "the mark stops before the late message");
        Assert.False(settling.IsCompleted, "Settling ended while the late message was not handled.");

        await HandleAsync(lateMessage);
        await settling;
        Assert.Equal(handled, await _database.ScalarAsync<long>("SELECT sequence FROM outbox_settled"));
    }

    /// <summary>Writes a message a consumer handles; returns its sequence.</summary>
    private async Task<long> AddMessageAsync(NpgsqlConnection? connection, NpgsqlTransaction? tx)
    {
        const string sql = "INSERT INTO outbox_messages (message_type, body) VALUES ('IssueLetter', '{}') RETURNING sequence";
        if (connection is null) return await _database.ScalarAsync<long>(sql);
        await using var command = new NpgsqlCommand(sql, connection, tx);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private Task HandleAsync(long sequence) => _database.ExecuteAsync(
        $"INSERT INTO inbox_messages (message_id, consumer) SELECT message_id, 'test' FROM outbox_messages WHERE sequence = {sequence}");
}
