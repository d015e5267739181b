using System.Diagnostics;
using System.Net.Http.Headers;
using System.Text;
using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Workflows;
using MassTransit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace Invordering.Infrastructure.Bench;

/// <summary>What `bench workflow` measured: cases moved through one letter step end to end, against bare MassTransit on the same broker.</summary>
public sealed record WorkflowBenchResult(int Cases, TimeSpan Generated, TimeSpan Opened, int RawMessages, TimeSpan Raw, int Steps, long Letters,
    TimeSpan Workflow)
{
    public double MessagesPerSecond => RawMessages / Raw.TotalSeconds;

    public double StepsPerSecond => Steps / Workflow.TotalSeconds;

    /// <summary>Workflow steps per second as a fraction of bare messages per second: 1 would be as fast as MassTransit alone.</summary>
    public double Ratio => StepsPerSecond / MessagesPerSecond;
}

/// <summary>
/// Measures the workflow runtime against its physical baseline in one run, in a database and a
/// RabbitMQ vhost of its own (both removed afterwards). The baseline: bare MassTransit publishing
/// the same number of messages of the IssueLetter shape to one queue and consuming them with a
/// consumer that does nothing, with the service's prefetch and concurrency. Then the runtime: one
/// day of `run` over as many overdue claims, each moved one letter step (the kosteloze herinnering)
/// end to end: instances claimed in batches and advanced, IssueLetter written to the outbox, relayed
/// over RabbitMQ, the letter rendered and stored with its inbox row (and its LetterIssued relayed in
/// turn), and the run settled when every command is handled. The cases are opened just before, by
/// the scheduler's own statement, and timed on their own: opening is once per claim and without
/// messages, a step is what every case does several times over, so steps/s counts steps alone.
/// </summary>
public static class WorkflowBenchmark
{
    /// <summary>Bare MassTransit publishes in batches of the relay's size, as the relay does.</summary>
    private const int PublishBatch = OutboxRelay.BatchSize;

    /// <summary>The baseline's message: the shape of an IssueLetter, in a type of its own so that no service queue receives it.</summary>
    public sealed record BenchMessage(Guid CommandId, long CaseId, long InstanceId, string TemplateCode,
        string? CostKind, string? CostReason, DateOnly LetterDate, DateOnly? PayBy);

    public static async Task<WorkflowBenchResult> RunAsync(string connectionString, MessagingOptions messaging, int cases, DateOnly today,
        IProgress<string>? log, CancellationToken ct)
    {
        log?.Report("database en vhost aanmaken");
        await using var database = await BenchDatabase.CreateAsync(connectionString, ct);
        await using var vhost = await BenchVirtualHost.CreateAsync(messaging.RabbitMq, ct);
        var rabbit = new RabbitMqOptions
        {
            Host = messaging.RabbitMq.Host, Port = messaging.RabbitMq.Port, VirtualHost = vhost.Name, Username = messaging.RabbitMq.Username,
            Password = messaging.RabbitMq.Password, PrefetchCount = messaging.RabbitMq.PrefetchCount,
            ConcurrentMessageLimit = messaging.RabbitMq.ConcurrentMessageLimit,
        };
        await using (var db = Database.CreateContext(database.DataSource))
            await Setup.MigrateAndSeedAsync(db, ct);

        log?.Report("zaken maken");
        var clock = Stopwatch.StartNew();
        await GenerateAsync(database.DataSource, cases, today, ct);
        var generated = clock.Elapsed;

        log?.Report("kale MassTransit");
        var raw = await RawPublishAndConsumeAsync(rabbit, cases, today, ct);

        log?.Report("zaken openen");
        using var host = BuildHost(database.Name, connectionString, rabbit);
        clock.Restart();
        var opened = await host.Services.GetRequiredService<WorkflowScheduler>().OpenDueCasesAsync(today, ct);
        var opening = clock.Elapsed;
        if (opened != cases) throw new InvalidOperationException($"Er gingen {opened} van de {cases} zaken open.");

        log?.Report("workflowstap");
        await host.StartAsync(ct);
        var summary = new RunSummary();
        clock.Restart();
        await host.Services.GetRequiredService<ServiceRun>().RunDayAsync(today, summary, ct);
        var workflow = clock.Elapsed;
        await host.StopAsync(ct);

        long letters;
        await using (var count = database.DataSource.CreateCommand("SELECT count(*) FROM letters"))
            letters = (long)(await count.ExecuteScalarAsync(ct))!;
        await StopAutovacuumAsync(database, ct);
        return new WorkflowBenchResult(cases, generated, opening, cases, raw, summary.StepsAdvanced, letters, workflow);
    }

    /// <summary>
    /// Keeps autovacuum out of the database, and waits until it has left: a non-superuser cannot drop a database while an
    /// autovacuum worker is in it, and after a run this size one usually is.
    /// </summary>
    private static async Task StopAutovacuumAsync(BenchDatabase database, CancellationToken ct)
    {
        await using (var off = database.DataSource.CreateCommand(
            """
            DO $$
            DECLARE t record;
            BEGIN
                FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'public' LOOP
                    EXECUTE format('ALTER TABLE %I SET (autovacuum_enabled = false)', t.tablename);
                END LOOP;
            END $$
            """))
            await off.ExecuteNonQueryAsync(ct);
        await using var busy = database.DataSource.CreateCommand(
            "SELECT EXISTS (SELECT 1 FROM pg_stat_activity WHERE datname = current_database() AND backend_type = 'autovacuum worker')");
        var deadline = Stopwatch.StartNew();
        while ((bool)(await busy.ExecuteScalarAsync(ct))! && deadline.Elapsed < TimeSpan.FromMinutes(2))
            await Task.Delay(200, ct);
    }

    /// <summary>
    /// One statement per table: debtors, and one assessment each, unpaid and due 30 days ago. Nobody is
    /// segmented, so every case starts the kan-en-wil workflow, whose first step is the free reminder. The
    /// service clock is set to <paramref name="today"/>, so the worker's real-time timers stand aside.
    /// </summary>
    private static async Task GenerateAsync(NpgsqlDataSource dataSource, int cases, DateOnly today, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using var command = new NpgsqlCommand(
            """
            INSERT INTO service_clock (today) VALUES (@today);
            INSERT INTO import_batches (kind, file_name, sha256, status, created_by) VALUES ('aanslagen', 'bench', repeat('0', 64), 'merged', 'bench');
            INSERT INTO debtors (bsn, name, street, house_number, postcode, city)
            SELECT lpad(n::text, 9, '0'), 'Debiteur ' || n, 'Dorpsstraat', (n % 200 + 1)::text, (1000 + n % 9000)::text || 'AB', 'Plaats'
            FROM generate_series(1, @cases) n;
            INSERT INTO assessments (assessment_number, debtor_id, tax_year, issue_date, due_date, amount_cents, payment_reference,
                                     content_hash, batch_id)
            SELECT 'W' || d.id, d.id, extract(year FROM @today)::smallint, @today - 90, @today - 30, 5000 + d.id * 7919 % 95000,
                   lpad(d.id::text, 16, '0'), 0, (SELECT id FROM import_batches)
            FROM debtors d;
            ANALYZE;
            """, connection, tx) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("today", today);
        command.Parameters.AddWithValue("cases", cases);
        await command.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>Publishes <paramref name="messages"/> messages and waits until the consumer saw them all; returns the time taken.</summary>
    private static async Task<TimeSpan> RawPublishAndConsumeAsync(RabbitMqOptions rabbit, int messages, DateOnly today, CancellationToken ct)
    {
        var consumed = 0;
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var bus = Bus.Factory.CreateUsingRabbitMq(cfg =>
        {
            cfg.Host(rabbit.Host, rabbit.Port, rabbit.VirtualHost, h =>
            {
                h.Username(rabbit.Username);
                h.Password(rabbit.Password);
            });
            cfg.ReceiveEndpoint("bench-raw", e =>
            {
                e.PrefetchCount = rabbit.PrefetchCount;
                e.ConcurrentMessageLimit = rabbit.ConcurrentMessageLimit;
                e.Handler<BenchMessage>(_ =>
                {
                    if (Interlocked.Increment(ref consumed) == messages) done.TrySetResult();
                    return Task.CompletedTask;
                });
            });
        });
        await bus.StartAsync(ct);
        try
        {
            var clock = Stopwatch.StartNew();
            for (var first = 0; first < messages; first += PublishBatch)
                await Task.WhenAll(Enumerable.Range(first, Math.Min(PublishBatch, messages - first)).Select(i =>
                    bus.Publish(new BenchMessage(NewId.NextGuid(), i, i, "herinnering", null, null, today, today.AddDays(14)), ct)));
            await done.Task.WaitAsync(ct);
            return clock.Elapsed;
        }
        finally
        {
            await bus.StopAsync(CancellationToken.None);
        }
    }

    /// <summary>The worker as `run` hosts it (consumers, relay, timers), on the bench database and vhost, without console logging.</summary>
    private static IHost BuildHost(string databaseName, string connectionString, RabbitMqOptions rabbit)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Invordering"] = new NpgsqlConnectionStringBuilder(connectionString) { Database = databaseName }.ConnectionString,
            ["Messaging:Transport"] = nameof(MessagingTransport.RabbitMq),
            ["Messaging:RabbitMq:Host"] = rabbit.Host,
            ["Messaging:RabbitMq:Port"] = rabbit.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:RabbitMq:VirtualHost"] = rabbit.VirtualHost,
            ["Messaging:RabbitMq:Username"] = rabbit.Username,
            ["Messaging:RabbitMq:Password"] = rabbit.Password,
            ["Messaging:RabbitMq:PrefetchCount"] = rabbit.PrefetchCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Messaging:RabbitMq:ConcurrentMessageLimit"] = rabbit.ConcurrentMessageLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }).Build();
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddInvorderingInfrastructure(configuration);
        builder.Services.AddInvorderingWorker();
        return builder.Build();
    }

    /// <summary>A RabbitMQ vhost of its own, made and deleted through the management API (port 15672) with the broker's user.</summary>
    private sealed class BenchVirtualHost : IAsyncDisposable
    {
        private readonly HttpClient _http;

        private BenchVirtualHost(HttpClient http, string name)
        {
            _http = http;
            Name = name;
        }

        public string Name { get; }

        public static async Task<BenchVirtualHost> CreateAsync(RabbitMqOptions rabbit, CancellationToken ct)
        {
            var http = new HttpClient
            {
                BaseAddress = new Uri($"http://{rabbit.Host}:15672/api/"),
                DefaultRequestHeaders =
                {
                    Authorization = new AuthenticationHeaderValue("Basic",
                        Convert.ToBase64String(Encoding.UTF8.GetBytes($"{rabbit.Username}:{rabbit.Password}"))),
                },
            };
            var vhost = new BenchVirtualHost(http, $"invordering_bench_{Environment.ProcessId}_{Random.Shared.Next(1 << 24):x6}");
            try
            {
                await SucceedAsync(await http.PutAsync($"vhosts/{vhost.Name}", null, ct), "een vhost aanmaken");
                await SucceedAsync(await http.PutAsync($"permissions/{vhost.Name}/{Uri.EscapeDataString(rabbit.Username)}",
                    new StringContent("""{"configure":".*","write":".*","read":".*"}""", Encoding.UTF8, "application/json"), ct), "rechten geven");
                return vhost;
            }
            catch
            {
                await vhost.DisposeAsync();
                throw;
            }
        }

        public async ValueTask DisposeAsync()
        {
            var response = await _http.DeleteAsync($"vhosts/{Name}");
            response.Dispose();
            _http.Dispose();
        }

        private static async Task SucceedAsync(HttpResponseMessage response, string what)
        {
            using (response)
                if (!response.IsSuccessStatusCode)
                    throw new InvalidOperationException(
                        $"De beheer-API van RabbitMQ weigerde {what} ({(int)response.StatusCode}): {await response.Content.ReadAsStringAsync()}");
        }
    }
}
