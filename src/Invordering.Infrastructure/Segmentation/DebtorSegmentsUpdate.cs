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
/// Evaluates a rule set over debtor_facts in one statement and records each debtor's segment with the
/// facts the rule saw. Only a change (another rule, another rule-set version or other facts) writes a
/// new row; the row it replaces stays as history, no longer current. Callers hold <see cref="SegmentationLock"/>.
/// </summary>
public static class DebtorSegmentsUpdate
{
    /// <summary>The fact columns, shared by debtor_facts and debtor_segments, in catalogue order.</summary>
    private static readonly string[] FactColumns = SegmentationFacts.All.Select(f => RuleSetSql.Column(f.Name)).ToArray();

    /// <summary>Segments every debtor in debtor_facts (<paramref name="debtorId"/> null) or one.</summary>
    public static async Task<SegmentCounts> ApplyAsync(NpgsqlConnection connection, NpgsqlTransaction tx, StoredRuleSet ruleSet, DateOnly today,
        long? debtorId, CancellationToken ct)
    {
        var rules = RuleSetSql.For(ruleSet.RuleSet, "f");
        var columns = string.Join(", ", FactColumns);
        await using var command = new NpgsqlCommand(
            $"""
            WITH evaluated AS (
                SELECT f.*, (@rule_ids)[r.number] AS rule_id, (@rule_segments)[r.number] AS segment,
                       (s.id IS NULL OR s.rule_set_version <> @version OR s.rule_id <> (@rule_ids)[r.number]
                        OR ({string.Join(", ", FactColumns.Select(c => "s." + c))}) <> ({string.Join(", ", FactColumns.Select(c => "f." + c))})) AS changed
                FROM debtor_facts f
                CROSS JOIN LATERAL (SELECT {rules.RuleNumber} AS number) r
                LEFT JOIN debtor_segments s ON s.debtor_id = f.debtor_id AND s.is_current
                WHERE @debtor IS NULL OR f.debtor_id = @debtor
            ), replaced AS (
                UPDATE debtor_segments s SET is_current = false
                FROM evaluated e WHERE e.changed AND s.debtor_id = e.debtor_id AND s.is_current
            ), inserted AS (
                INSERT INTO debtor_segments (debtor_id, segment, rule_id, rule_set_version, segmented_on, {columns})
                SELECT debtor_id, segment, rule_id, @version, @today, {columns} FROM evaluated WHERE changed
            )
            SELECT segment, count(*), count(*) FILTER (WHERE changed) FROM evaluated GROUP BY segment
            """, connection, tx) { CommandTimeout = 0 };
        command.Parameters.AddRange(rules.Parameters.ToArray());
        command.Parameters.AddWithValue("version", ruleSet.Version);
        command.Parameters.AddWithValue("today", today);
        command.Parameters.Add(new NpgsqlParameter("debtor", NpgsqlDbType.Bigint) { Value = (object?)debtorId ?? DBNull.Value });
        var perSegment = new Dictionary<string, long>();
        long changed = 0;
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            perSegment[reader.GetString(0)] = reader.GetInt64(1);
            changed += reader.GetInt64(2);
        }
        return new SegmentCounts(perSegment, changed);
    }
}
