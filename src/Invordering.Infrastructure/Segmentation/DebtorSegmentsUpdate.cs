using Invordering.Domain.Segmentation;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Segmentation;

/// <summary>How many of the debtors segmented are in each segment, and how many of their segments changed.</summary>
public sealed record SegmentCounts(IReadOnlyDictionary<string, long> PerSegment, long Changed)
{
    public long Debtors => PerSegment.Values.Sum();
}

/// <summary>
/// Evaluates a rule set over debtor_facts and records each debtor's segment with the facts the rule saw. Only a
/// change (another rule, another rule-set version or other facts) writes a new row; the row it replaces stays as
/// history, no longer current. Callers hold <see cref="SegmentationLock"/>.
/// </summary>
/// <remarks>
/// Three statements, each one pass without holding the evaluated rows in memory: retire the current rows that
/// changed, insert a row for every debtor then left without a current one (in debtor order, the order
/// <see cref="DebtorFactsUpdate"/> wrote debtor_facts in, so the key of debtor_segments grows at its end)
/// and count the debtors per segment. The insert looks up the debtors that keep a current row with NOT IN, which
/// PostgreSQL answers from a hash of them built once from the statement's snapshot; a join or NOT EXISTS may be
/// planned as a nested loop that rescans debtor_segments, pages the insert is adding included, for every debtor.
/// </remarks>
public static class DebtorSegmentsUpdate
{
    /// <summary>The fact columns, shared by debtor_facts and debtor_segments, in catalogue order.</summary>
    private static readonly string[] FactColumns = SegmentationFacts.All.Select(f => RuleSetSql.Column(f.Name)).ToArray();

    private const string Scope = "(@debtor IS NULL OR f.debtor_id = @debtor)";

    /// <summary>Segments every debtor in debtor_facts (<paramref name="debtorId"/> null) or one.</summary>
    public static async Task<SegmentCounts> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, StoredRuleSet ruleSet, DateOnly today,
        long? debtorId, CancellationToken ct)
    {
        var rules = RuleSetSql.For(ruleSet.RuleSet, "f");
        var columns = string.Join(", ", FactColumns);
        var factColumns = string.Join(", ", FactColumns.Select(c => "f." + c));

        await using (var retire = Command(connection, tx, rules, ruleSet, today, debtorId,
            $"""
            UPDATE debtor_segments s SET is_current = false
            FROM debtor_facts f CROSS JOIN LATERAL (SELECT {rules.RuleNumber} AS number) r
            WHERE s.debtor_id = f.debtor_id AND s.is_current AND {Scope}
              AND (s.rule_set_version <> @version OR s.rule_id <> (@rule_ids)[r.number]
                   OR ({string.Join(", ", FactColumns.Select(c => "s." + c))}) <> ({factColumns}))
            """))
            await retire.ExecuteNonQueryAsync(ct);

        long changed;
        await using (var insert = Command(connection, tx, rules, ruleSet, today, debtorId,
            $"""
            INSERT INTO debtor_segments (debtor_id, segment, rule_id, rule_set_version, segmented_on, {columns})
            SELECT f.debtor_id, (@rule_segments)[r.number], (@rule_ids)[r.number], @version, @today, {factColumns}
            FROM debtor_facts f CROSS JOIN LATERAL (SELECT {rules.RuleNumber} AS number) r
            WHERE {Scope} AND f.debtor_id NOT IN (SELECT s.debtor_id FROM debtor_segments s
                                                  WHERE s.is_current AND (@debtor IS NULL OR s.debtor_id = @debtor))
            """))
            changed = await insert.ExecuteNonQueryAsync(ct);

        var perSegment = new Dictionary<string, long>();
        await using (var count = Command(connection, tx, rules, ruleSet, today, debtorId,
            $"""
            SELECT (@rule_segments)[r.number], count(*)
            FROM debtor_facts f CROSS JOIN LATERAL (SELECT {rules.RuleNumber} AS number) r
            WHERE {Scope}
            GROUP BY 1
            """))
        await using (var reader = await count.ExecuteReaderAsync(ct))
            while (await reader.ReadAsync(ct))
                perSegment[reader.GetString(0)] = reader.GetInt64(1);
        return new SegmentCounts(perSegment, changed);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction tx, RuleSetSql rules, StoredRuleSet ruleSet,
        DateOnly today, long? debtorId, string sql)
    {
        var command = new NpgsqlCommand(sql, connection, tx) { CommandTimeout = 0 };
        command.Parameters.AddRange(rules.Parameters.Select(p => p.Clone()).ToArray());
        command.Parameters.AddWithValue("version", ruleSet.Version);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.Add(new NpgsqlParameter("debtor", NpgsqlDbType.Bigint) { Value = (object?)debtorId ?? DBNull.Value });
        return command;
    }
}
