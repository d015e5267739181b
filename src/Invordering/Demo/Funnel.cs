using Npgsql;

namespace Invordering.Demo;

/// <summary>Where the claims of a run ended, per segment, and the other figures the demo prints.</summary>
public sealed record Funnel(
    IReadOnlyList<(string Segment, string EndState, long Claims)> EndStates,
    IReadOnlyList<(string Kind, long Count, long Cents)> Costs,
    IReadOnlyList<(string Template, long Count)> Letters,
    IReadOnlyList<(string Kind, string Outcome, long Count)> Tasks,
    double PhoneTasksOnTime,
    double HomeVisitsKept,
    long KanNietWithEnforcementCosts,
    long WritsWithin14DaysOfDemand,
    RenewedWritOutcomes AfterRenewedWrit,
    double PhoneCallsReachingPaymentOrPlan)
{
    /// <summary>The end states in the order the funnel prints them.</summary>
    public static readonly string[] EndStateOrder =
    [
        "betaald na herinnering", "betaald na aanmaning", "betaald na dwangbevel", "betaald na hernieuwd bevel", "betaald na contact",
        "via deurwaarder", "betalingsregeling", "kwijtschelding", "schuldhulp", "oninbaar", "nog open",
    ];

    public static async Task<Funnel> LoadAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        var endStates = new List<(string, string, long)>();
        await using (var command = dataSource.CreateCommand(
            """
            SELECT c.segment, e.end_state, count(*)
            FROM collection_cases c
            CROSS JOIN LATERAL (SELECT CASE
                WHEN c.status = 'open' THEN 'nog open'
                WHEN c.outcome IN ('kwijtschelding', 'oninbaar', 'schuldhulp') THEN c.outcome
                WHEN c.outcome = 'deurwaarder' OR EXISTS (SELECT 1 FROM seizure_orders s WHERE s.case_id = c.id AND s.status IN ('paid', 'partly-paid')) THEN 'via deurwaarder'
                WHEN EXISTS (SELECT 1 FROM payment_plans p WHERE p.case_id = c.id) THEN 'betalingsregeling'
                ELSE coalesce((SELECT CASE l.template_code
                                   WHEN 'herinnering' THEN 'betaald na herinnering'
                                   WHEN 'aanmaning' THEN 'betaald na aanmaning'
                                   WHEN 'dwangbevel' THEN 'betaald na dwangbevel'
                                   WHEN 'aankondiging-hernieuwd-bevel' THEN 'betaald na hernieuwd bevel'
                                   ELSE 'betaald na contact' END
                               FROM letters l WHERE l.case_id = c.id ORDER BY l.letter_date DESC, l.id DESC LIMIT 1), 'betaald na contact')
                END AS end_state) e
            GROUP BY 1, 2
            """))
        await using (var reader = await command.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct)) endStates.Add((reader.GetString(0), reader.GetString(1), reader.GetInt64(2)));

        var costs = await RowsAsync(dataSource, "SELECT kind, count(*), sum(amount_cents)::bigint FROM case_costs GROUP BY kind ORDER BY kind",
            r => (r.GetString(0), r.GetInt64(1), r.GetInt64(2)), ct);
        var letters = await RowsAsync(dataSource, "SELECT template_code, count(*) FROM letters GROUP BY 1 ORDER BY 2 DESC",
            r => (r.GetString(0), r.GetInt64(1)), ct);
        var tasks = await RowsAsync(dataSource, "SELECT kind, coalesce(outcome, status), count(*) FROM field_tasks GROUP BY 1, 2 ORDER BY 1, 3 DESC",
            r => (r.GetString(0), r.GetString(1), r.GetInt64(2)), ct);

        return new Funnel(endStates, costs, letters, tasks,
            await ScalarAsync<double>(dataSource, "SELECT coalesce(avg((completed_on <= due_date)::int), 0)::float8 FROM field_tasks WHERE kind = 'telefoon' AND status = 'done'", ct),
            await ScalarAsync<double>(dataSource, "SELECT coalesce(avg((completed_on <= due_date)::int), 0)::float8 FROM field_tasks WHERE kind = 'huisbezoek' AND status = 'done'", ct),
            await ScalarAsync<long>(dataSource,
                """
                SELECT count(DISTINCT k.case_id) FROM case_costs k
                WHERE k.reason IS NULL AND NOT EXISTS (
                    SELECT 1 FROM workflow_instances i JOIN workflow_definitions d ON d.id = i.definition_id
                    WHERE i.case_id = k.case_id AND d.segment <> 'kan-niet')
                """, ct),
            await ScalarAsync<long>(dataSource, WritChecks.TooEarlySql, ct),
            await RenewedWritOutcomes.LoadAsync(dataSource, ct),
            await ScalarAsync<double>(dataSource,
                "SELECT coalesce(avg((outcome IN ('bereikt-betaalt', 'regeling'))::int), 0)::float8 FROM field_tasks WHERE kind = 'telefoon' AND outcome IS NOT NULL AND outcome <> 'niet-bereikt'", ct));
    }

    private static async Task<List<T>> RowsAsync<T>(NpgsqlDataSource dataSource, string sql, Func<NpgsqlDataReader, T> map, CancellationToken ct)
    {
        var rows = new List<T>();
        await using var command = dataSource.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(map(reader));
        return rows;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlDataSource dataSource, string sql, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(sql);
        return (T)(await command.ExecuteScalarAsync(ct))!;
    }
}

/// <summary>The legal check on writs: none may come less than 14 days after the demand of the same claim.</summary>
public static class WritChecks
{
    public const string TooEarlySql =
        """
        SELECT count(*) FROM letters w
        WHERE w.template_code = 'dwangbevel' AND NOT EXISTS (
            SELECT 1 FROM letters d WHERE d.case_id = w.case_id AND d.template_code = 'aanmaning' AND d.letter_date <= w.letter_date - 14)
        """;
}

/// <summary>What happened after the renewed writ, against GBLT's 2019 figures (30% pays, 15% plan, 5% remission, 50% bailiff).</summary>
public sealed record RenewedWritOutcomes(long Cases, long Paid, long Plan, long Remission, long Bailiff, long Other)
{
    public static async Task<RenewedWritOutcomes> LoadAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var command = dataSource.CreateCommand(
            """
            SELECT count(*),
                   count(*) FILTER (WHERE NOT bailiff AND NOT plan AND outcome = 'betaald'),
                   count(*) FILTER (WHERE plan AND NOT bailiff),
                   count(*) FILTER (WHERE remission AND NOT bailiff),
                   count(*) FILTER (WHERE bailiff)
            FROM (SELECT c.outcome,
                         EXISTS (SELECT 1 FROM seizure_orders s WHERE s.case_id = c.id) AS bailiff,
                         EXISTS (SELECT 1 FROM payment_plans p WHERE p.case_id = c.id) AS plan,
                         EXISTS (SELECT 1 FROM remission_requests r WHERE r.case_id = c.id) AS remission
                  FROM collection_cases c
                  WHERE EXISTS (SELECT 1 FROM letters l WHERE l.case_id = c.id AND l.template_code = 'aankondiging-hernieuwd-bevel')) x
            """);
        await using var reader = await command.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var (cases, paid, plan, remission, bailiff) = (reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4));
        return new RenewedWritOutcomes(cases, paid, plan, remission, bailiff, cases - paid - plan - remission - bailiff);
    }
}
