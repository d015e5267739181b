using Invordering.Infrastructure.Workflows;
using Invordering.TestSupport;
using Invordering.Workflows;
using Microsoft.Extensions.Configuration;

namespace Invordering.Tests.Workflows;

/// <summary>
/// A test database and vhost with many overdue wil-niet cases, seeded set-based, that one day of
/// processing moves one step each, in three groups that together cause every kind of effect
/// (A and B 45 % of the cases each, C 10 %):
/// <list type="bullet">
/// <item>A: an overdue assessment without a case: the run opens the case and sends an aanmaning (letter and cost).</item>
/// <item>B: a case waiting after its aanmaning of 14 days ago: the run sends the dwangbevel (letter and cost).</item>
/// <item>C: a case waiting after its hernieuwd bevel: the run hands a seizure order to the bailiff.</item>
/// </list>
/// <see cref="AssertEachEffectExactlyOnceAsync"/> then checks that every case has its effect, and none twice.
/// </summary>
public sealed class ExactlyOnceWorld : IAsyncLifetime
{
    /// <summary>The day that is run: a Monday, so no working-day wait interferes.</summary>
    public static readonly DateOnly Day = new(2026, 6, 1);

    public TestDatabase Database { get; } = new();

    public TestVirtualHost VirtualHost { get; } = new();

    public int Cases { get; private set; }

    /// <summary>Group A's and B's letters: what a complete run stores.</summary>
    public long ExpectedLetters { get; private set; }

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await VirtualHost.InitializeAsync();
    }

    public async Task DisposeAsync()
    {
        await VirtualHost.DisposeAsync();
        await Database.DisposeAsync();
    }

    /// <summary>
    /// Consumers per endpoint: each holds a database connection while it works, and the test server's connections are
    /// shared by every test running (max_connections 100), so the service default of 50 per endpoint is too many here.
    /// </summary>
    public const int ConcurrentMessageLimit = 8;

    /// <summary>Settings for a host of the real service on this database and vhost; <paramref name="extra"/> settings win.</summary>
    public IConfiguration Configuration(params (string Key, string? Value)[] extra) =>
        ServiceHostFactory.Configuration(Database, VirtualHost,
            [("Messaging:RabbitMq:ConcurrentMessageLimit", ConcurrentMessageLimit.ToString(System.Globalization.CultureInfo.InvariantCulture)), .. extra]);

    /// <summary>The same settings as environment variables, for a child process of the executable.</summary>
    public IReadOnlyDictionary<string, string> Environment() => new Dictionary<string, string>
    {
        ["ConnectionStrings__Invordering"] = Database.ConnectionString,
        ["Messaging__Transport"] = "RabbitMq",
        ["Messaging__RabbitMq__Host"] = TestRun.RabbitHost,
        ["Messaging__RabbitMq__VirtualHost"] = VirtualHost.Name,
        ["Messaging__RabbitMq__ConcurrentMessageLimit"] = ConcurrentMessageLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    /// <summary>Seeds <paramref name="cases"/> debtors with one overdue assessment each, in one transaction of set-based statements.</summary>
    public async Task SeedAsync(int cases)
    {
        Cases = cases;
        var afterDemand = new WorkflowInstanceState
        {
            DefinitionId = "wil-niet", DefinitionVersion = 1, CurrentStepId = "wacht-na-aanmaning", Status = WorkflowStatus.Waiting,
            WakeUp = Day, StepEnteredOn = Day.AddDays(-14), LastDemandDate = Day.AddDays(-14),
        };
        var afterRenewedWrit = afterDemand with
        {
            CurrentStepId = "wacht-na-hernieuwd-bevel", StepEnteredOn = Day.AddDays(-2), LastWritDate = Day.AddDays(-7),
        };
        await using var connection = await Database.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync();
        await using var command = new Npgsql.NpgsqlCommand(
            """
            INSERT INTO service_clock (today) VALUES (@day);
            INSERT INTO import_batches (kind, file_name, sha256, status, created_by)
            VALUES ('aanslagen', 'exactly-once', repeat('0', 64), 'merged', 'test');

            INSERT INTO debtors (bsn, name, street, house_number, postcode, city)
            SELECT lpad(n::text, 9, '0'), 'Debiteur ' || n, 'Dorpsstraat', (n % 200 + 1)::text, '1234AB', 'Plaats'
            FROM generate_series(1, @cases) n;

            -- Groups A and B 45 % each, C 10 %; amounts on both sides of the aanmaning threshold of 454 euros.
            INSERT INTO assessments (assessment_number, debtor_id, tax_year, issue_date, due_date, amount_cents, payment_reference,
                                     content_hash, batch_id)
            SELECT CASE WHEN d.id % 20 < 9 THEN 'A' WHEN d.id % 20 < 18 THEN 'B' ELSE 'C' END || d.id, d.id, 2026, @day - 90, @day - 30, 5000 + d.id * 7919 % 95000,
                   lpad(d.id::text, 16, '0'), 0, (SELECT id FROM import_batches)
            FROM debtors d;

            INSERT INTO debtor_segment_overrides (debtor_id, segment, reason, actor, created_on)
            SELECT id, 'wil-niet', 'Test: kan wel, wil niet.', 'test', @day - 60 FROM debtors;

            INSERT INTO collection_cases (assessment_id, debtor_id, opened_on, segment)
            SELECT a.id, a.debtor_id, @day - 29, 'wil-niet' FROM assessments a WHERE left(a.assessment_number, 1) IN ('B', 'C');

            INSERT INTO workflow_instances (case_id, definition_id, current_step, status, wake_on, state)
            SELECT c.id, (SELECT id FROM workflow_definitions WHERE workflow_id = 'wil-niet' AND status = 'published'),
                   CASE WHEN left(a.assessment_number, 1) = 'B' THEN 'wacht-na-aanmaning' ELSE 'wacht-na-hernieuwd-bevel' END,
                   'waiting', @day,
                   CASE WHEN left(a.assessment_number, 1) = 'B' THEN @afterDemand ELSE @afterRenewedWrit END::jsonb
            FROM collection_cases c JOIN assessments a ON a.id = c.assessment_id;
            """, connection, tx);
        command.Parameters.AddWithValue("day", Day);
        command.Parameters.AddWithValue("cases", cases);
        command.Parameters.AddWithValue("afterDemand", InstanceStateJson.Serialize(afterDemand));
        command.Parameters.AddWithValue("afterRenewedWrit", InstanceStateJson.Serialize(afterRenewedWrit));
        await command.ExecuteNonQueryAsync();
        await tx.CommitAsync();
        ExpectedLetters = await Database.ScalarAsync<long>("SELECT count(*) FROM assessments WHERE left(assessment_number, 1) IN ('A', 'B')");
    }

    public Task<long> LettersAsync() => Database.ScalarAsync<long>("SELECT count(*) FROM letters");

    /// <summary>Where a run stands, for failure messages.</summary>
    public Task<string> ProgressAsync() => Database.ScalarAsync<string>(
        """
        SELECT format('outbox %s (%s unpublished), inbox %s, letters %s, orders %s, incidents %s, instances %s',
                      (SELECT count(*) FROM outbox_messages), (SELECT count(*) FROM outbox_messages WHERE published_at IS NULL),
                      (SELECT count(*) FROM inbox_messages), (SELECT count(*) FROM letters), (SELECT count(*) FROM seizure_orders),
                      (SELECT count(*) FROM message_incidents),
                      (SELECT string_agg(status || ' ' || n, ', ') FROM (SELECT status, count(*) AS n FROM workflow_instances GROUP BY status) s))
        """);

    /// <summary>
    /// Every case has exactly the effect of its group, once: group A one aanmaning and its cost, B one dwangbevel and
    /// its cost, C one seizure order; nothing else, no case advanced twice, and no incident.
    /// </summary>
    public async Task AssertEachEffectExactlyOnceAsync()
    {
        Assert.Equal(Cases, await Database.ScalarAsync<long>("SELECT count(*) FROM collection_cases"));
        var wrong = await Database.ScalarAsync<string>(
            """
            WITH effects AS (
                SELECT left(a.assessment_number, 1) AS grp, c.id,
                       (SELECT count(*) FROM letters l WHERE l.case_id = c.id AND l.template_code = 'aanmaning') AS demands,
                       (SELECT count(*) FROM letters l WHERE l.case_id = c.id AND l.template_code = 'dwangbevel') AS writs,
                       (SELECT count(*) FROM letters l WHERE l.case_id = c.id) AS letters,
                       (SELECT count(*) FROM case_costs k WHERE k.case_id = c.id AND k.kind = 'aanmaning') AS demand_costs,
                       (SELECT count(*) FROM case_costs k WHERE k.case_id = c.id AND k.kind = 'dwangbevel') AS writ_costs,
                       (SELECT count(*) FROM case_costs k WHERE k.case_id = c.id) AS costs,
                       (SELECT count(*) FROM seizure_orders o WHERE o.case_id = c.id) AS orders,
                       (SELECT count(*) FROM workflow_journal j WHERE j.case_id = c.id AND j.kind = 'step-entered') AS steps,
                       (SELECT string_agg(i.current_step || '/' || i.status, ',') FROM workflow_instances i WHERE i.case_id = c.id) AS at
                FROM collection_cases c JOIN assessments a ON a.id = c.assessment_id
            ), expected AS (
                SELECT *, CASE grp
                    WHEN 'A' THEN demands = 1 AND letters = 1 AND demand_costs = 1 AND costs = 1 AND orders = 0
                                  AND at = 'wacht-na-aanmaning/waiting'
                    WHEN 'B' THEN writs = 1 AND letters = 1 AND writ_costs = 1 AND costs = 1 AND orders = 0
                                  AND at = 'wacht-na-dwangbevel/waiting'
                    ELSE letters = 0 AND costs = 0 AND orders = 1 AND at = 'beslag/waiting-for-bailiff' END AS ok
                FROM effects
            )
            SELECT coalesce(string_agg(DISTINCT format('%s: %s letters (%s aanmaning, %s dwangbevel), %s costs, %s orders, at %s',
                                                       grp, letters, demands, writs, costs, orders, at), ' / '), '')
            FROM expected WHERE NOT ok
            """);
        Assert.Equal("", wrong);
        // Each case entered exactly the steps of one advance (A: aanmaning and its wait; B: dwangbevel and its wait; C: beslag).
        Assert.Equal(0, await Database.ScalarAsync<long>(
            """
            SELECT count(*) FROM (
                SELECT j.case_id, j.step_id FROM workflow_journal j WHERE j.kind = 'step-entered'
                GROUP BY j.case_id, j.step_id HAVING count(*) > 1) twice
            """));
        Assert.Equal("", await Database.ScalarAsync<string>(
            "SELECT coalesce(string_agg(DISTINCT message_type || ': ' || error, ' / '), '') FROM message_incidents"));
        Assert.Equal(0, await Database.ScalarAsync<long>("SELECT count(*) FROM workflow_incidents"));
    }
}
