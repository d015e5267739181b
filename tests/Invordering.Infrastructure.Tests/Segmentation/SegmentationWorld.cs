using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Segmentation;
using Invordering.TestSupport;
using Npgsql;

namespace Invordering.Infrastructure.Tests.Segmentation;

/// <summary>
/// A migrated test database with the shipped workflows and rule set, a service clock, and helpers to
/// add debtors, payment history and assessments the way the imports leave them.
/// </summary>
public sealed class SegmentationWorld : IAsyncLifetime
{
    public static readonly DateOnly Today = new(2026, 6, 1);

    private long _batchId;
    private int _serial;

    public TestDatabase Database { get; } = new();

    public NpgsqlDataSource DataSource => Database.DataSource;

    public Segmenter Segmenter => new(DataSource, TimeProvider.System);

    /// <summary>The repository's workflows/ folder: the rule set and workflows exactly as shipped.</summary>
    public static string ShippedWorkflows { get; } = FindShippedWorkflows();

    public async Task InitializeAsync()
    {
        await Database.InitializeAsync();
        await using (var db = Database.CreateContext())
            await Setup.SeedAsync(db, ShippedWorkflows, CancellationToken.None);
        await using (var connection = await DataSource.OpenConnectionAsync())
            await ServiceClock.AdvanceToAsync(connection, null, Today, CancellationToken.None);
        _batchId = await ScalarAsync<long>(
            "INSERT INTO import_batches (kind, file_name, sha256, status, created_by) VALUES ('historie', 'test.csv', repeat('0', 64), 'merged', 'test') RETURNING id");
    }

    public Task DisposeAsync() => Database.DisposeAsync();

    public InvorderingDbContext CreateContext() => Database.CreateContext();

    /// <summary>A debtor recognised by a fresh valid BSN (or KvK number); returns its id and number.</summary>
    public async Task<(long Id, string Number)> AddDebtorAsync(bool company = false)
    {
        var number = company ? (10_000_000 + Interlocked.Increment(ref _serial)).ToString() : NextBsn();
        var id = await ScalarAsync<long>(
            $"INSERT INTO debtors ({(company ? "kvk" : "bsn")}, name, street, house_number, postcode, city) VALUES (@number, 'Test', 'Straat', '1', '1234AB', 'Plaats') RETURNING id",
            ("number", number));
        return (id, number);
    }

    /// <summary>A claim in the payment history of the debtor with this BSN or KvK number.</summary>
    public async Task AddHistoryAsync(string number, string outcome, DateOnly? settledOn = null, int? daysLate = null, short? taxYear = null)
    {
        var settled = settledOn ?? Today.AddMonths(-6);
        await ExecuteAsync(
            $"""
            INSERT INTO payment_history ({(number.Length == 9 ? "bsn" : "kvk")}, tax_year, assessment_number, amount_cents, outcome, days_late, settled_on, batch_id)
            VALUES (@number, @year, @assessment, 25000, @outcome, @late, @settled, @batch)
            """,
            ("number", number), ("year", taxYear ?? (short)settled.Year), ("assessment", $"H{Interlocked.Increment(ref _serial)}"),
            ("outcome", outcome), ("late", (object?)daysLate ?? DBNull.Value), ("settled", settledOn is null && taxYear is not null ? (object)DBNull.Value : settled),
            ("batch", _batchId));
    }

    /// <summary>An assessment of the debtor, unpaid, due on <paramref name="dueDate"/>; returns its id.</summary>
    public async Task<long> AddAssessmentAsync(long debtorId, DateOnly dueDate, bool directDebit = false, long amountCents = 30000)
    {
        var serial = Interlocked.Increment(ref _serial);
        return await ScalarAsync<long>(
            """
            INSERT INTO assessments (assessment_number, debtor_id, tax_year, issue_date, due_date, direct_debit, amount_cents,
                                     payment_reference, content_hash, batch_id)
            VALUES (@number, @debtor, @year, @issued, @due, @dd, @amount, @reference, 0, @batch) RETURNING id
            """,
            ("number", $"A{serial}"), ("debtor", debtorId), ("year", (short)dueDate.Year), ("issued", dueDate.AddMonths(-2)), ("due", dueDate),
            ("dd", directDebit), ("amount", amountCents), ("reference", serial.ToString().PadLeft(16, '0')), ("batch", _batchId));
    }

    /// <summary>
    /// A case on a new assessment of the debtor (due <paramref name="dueDate"/>) that ended here on <paramref name="closedOn"/>
    /// with <paramref name="outcome"/> (null: still open), after the letters with these template codes; returns the case id.
    /// </summary>
    public async Task<long> AddCaseAsync(long debtorId, DateOnly dueDate, string? outcome, DateOnly closedOn, params string[] letters)
    {
        var assessment = await AddAssessmentAsync(debtorId, dueDate);
        var caseId = await ScalarAsync<long>(
            """
            INSERT INTO collection_cases (assessment_id, debtor_id, opened_on, status, outcome, closed_on, segment)
            VALUES (@assessment, @debtor, @opened, CASE WHEN @outcome::text IS NULL THEN 'open' ELSE 'closed' END, @outcome::text,
                    CASE WHEN @outcome::text IS NULL THEN NULL ELSE @closed END, 'kan-en-wil')
            RETURNING id
            """,
            ("assessment", assessment), ("debtor", debtorId), ("opened", dueDate.AddDays(1)), ("outcome", (object?)outcome ?? DBNull.Value),
            ("closed", closedOn));
        foreach (var (template, i) in letters.Select((t, i) => (t, i)))
            await ExecuteAsync(
                """
                INSERT INTO letters (case_id, template_code, template_version, letter_date, html, data, content_hash, command_id)
                VALUES (@case, @template, 1, @date, '<p>brief</p>', '{}', repeat('0', 64), gen_random_uuid())
                """,
                ("case", caseId), ("template", template), ("date", dueDate.AddDays(14 * (i + 1))));
        return caseId;
    }

    /// <summary>Something that happened in a case: a payment plan, seizure order or remission request with this status.</summary>
    public Task AddCaseEventAsync(long caseId, string table, string status) => ExecuteAsync(table switch
    {
        "payment_plans" => "INSERT INTO payment_plans (case_id, status, agreed_on, agreed_by, paid_before_cents) VALUES (@case, @status, @day, 'test', 0)",
        "seizure_orders" => "INSERT INTO seizure_orders (case_id, status, amount_cents, command_id) VALUES (@case, @status, 30000, gen_random_uuid())",
        "remission_requests" => "INSERT INTO remission_requests (case_id, status, requested_on) VALUES (@case, @status, @day)",
        _ => throw new ArgumentOutOfRangeException(nameof(table), table, null),
    }, ("case", caseId), ("status", status), ("day", Today.AddMonths(-6)));

    /// <summary>Moves the service clock on.</summary>
    public async Task AdvanceClockAsync(DateOnly to)
    {
        await using var connection = await DataSource.OpenConnectionAsync();
        await ServiceClock.AdvanceToAsync(connection, null, to, CancellationToken.None);
    }

    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    public async Task ExecuteAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = Command(sql, parameters);
        await command.ExecuteNonQueryAsync();
    }

    private NpgsqlCommand Command(string sql, (string Name, object Value)[] parameters)
    {
        var command = DataSource.CreateCommand(sql);
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value);
        return command;
    }

    /// <summary>The next BSN that passes the 11-proef.</summary>
    private string NextBsn()
    {
        while (true)
        {
            var candidate = (100_000_000 + Interlocked.Increment(ref _serial) * 7).ToString();
            var sum = 0;
            for (var i = 0; i < 8; i++) sum += (9 - i) * (candidate[i] - '0');
            sum -= candidate[8] - '0';
            if (sum % 11 == 0) return candidate;
        }
    }

    private static string FindShippedWorkflows()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Invordering.sln")))
                return Path.Combine(dir.FullName, "workflows");
        throw new DirectoryNotFoundException("The repository's workflows/ folder was not found above the test binaries.");
    }
}
