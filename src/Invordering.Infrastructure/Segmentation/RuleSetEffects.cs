using System.Text.RegularExpressions;
using Invordering.Domain;
using Invordering.Domain.Segmentation;
using Invordering.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invordering.Infrastructure.Segmentation;

/// <summary>How many debtors a segment has under the published rule set and would have under a draft.</summary>
public sealed record SegmentEffect(string Segment, string Name, long Published, long Draft)
{
    public long Difference => Draft - Published;
}

/// <summary>How many debtors would move from one segment to another under the draft.</summary>
public sealed record SegmentMove(string From, string To, long Debtors);

/// <summary>
/// What a draft rule set would do to the current segment sizes, beside the published one, over the facts of the last
/// segmentation run (<see cref="FactsOn"/>, null when none ran yet): per segment, the moves between segments and per draft rule.
/// </summary>
public sealed record RuleSetEffect(int PublishedVersion, DateOnly? FactsOn, long Debtors, IReadOnlyList<SegmentEffect> Segments,
    IReadOnlyList<SegmentMove> Moves, IReadOnlyList<(string RuleId, long Debtors)> DraftRules)
{
    public long Moving => Moves.Sum(m => m.Debtors);
}

/// <summary>
/// Computes a draft rule set's effect in one read-only statement over debtor_facts, with the published and the draft
/// rule set each translated by <see cref="RuleSetSql"/> (the same expression a segmentation run evaluates), so that the
/// draft's figures are those a run with it would give on the same facts. No segment is written.
/// </summary>
public static class RuleSetEffects
{
    private const string DraftPrefix = "draft_";

    public static async Task<RuleSetEffect> CompareAsync(InvorderingDbContext db, RuleSet draft, CancellationToken ct)
    {
        var published = await RuleSetStore.PublishedAsync(db, ct);
        var current = RuleSetSql.For(published.RuleSet, "f");
        var proposed = RuleSetSql.For(draft, "f");
        var draftNames = proposed.Parameters.Select(p => p.ParameterName).OrderByDescending(n => n.Length).ToList();
        var draftNumber = Regex.Replace(proposed.RuleNumber, "@(" + string.Join("|", draftNames.Select(Regex.Escape)) + @")\b", "@" + DraftPrefix + "$1");

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = new NpgsqlCommand(
                $"""
                SELECT (@rule_segments)[p.number], (@{DraftPrefix}rule_segments)[d.number], (@{DraftPrefix}rule_ids)[d.number], count(*),
                       max(f.computed_on)
                FROM debtor_facts f
                CROSS JOIN LATERAL (SELECT {current.RuleNumber} AS number) p
                CROSS JOIN LATERAL (SELECT {draftNumber} AS number) d
                GROUP BY 1, 2, 3
                """, connection) { CommandTimeout = 0 };
            command.Parameters.AddRange(current.Parameters.ToArray());
            foreach (var parameter in proposed.Parameters)
            {
                var renamed = parameter.Clone();
                renamed.ParameterName = DraftPrefix + parameter.ParameterName;
                command.Parameters.Add(renamed);
            }

            var rows = new List<(string Now, string Draft, string Rule, long Count)>();
            DateOnly? factsOn = null;
            await using (var reader = await command.ExecuteReaderAsync(ct))
            {
                while (await reader.ReadAsync(ct))
                {
                    rows.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
                    var on = reader.GetFieldValue<DateOnly>(4);
                    if (factsOn is null || on > factsOn) factsOn = on;
                }
            }

            var segments = Enum.GetValues<Segment>()
                .Select(s => new SegmentEffect(s.ToSlug(), s.DisplayName,
                    rows.Where(r => r.Now == s.ToSlug()).Sum(r => r.Count), rows.Where(r => r.Draft == s.ToSlug()).Sum(r => r.Count)))
                .ToList();
            var moves = rows.Where(r => r.Now != r.Draft).GroupBy(r => (r.Now, r.Draft))
                .Select(g => new SegmentMove(g.Key.Now, g.Key.Draft, g.Sum(r => r.Count)))
                .OrderByDescending(m => m.Debtors).ToList();
            var perRule = draft.Rules.Select(rule => (rule.Id, rows.Where(r => r.Rule == rule.Id).Sum(r => r.Count))).ToList();
            return new RuleSetEffect(published.Version, factsOn, rows.Sum(r => r.Count), segments, moves, perRule);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
