using System.Text;
using Invordering.Domain;
using Invordering.Domain.Segmentation;
using Invordering.Infrastructure.Persistence;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Segmentation;

/// <summary>
/// A rule set translated into one SQL CASE expression over debtor_facts, so that every debtor is
/// segmented in one statement. Columns come from the fact catalogue and operators from a fixed list;
/// every value is a parameter, never text in the SQL.
/// </summary>
public sealed class RuleSetSql
{
    private readonly List<NpgsqlParameter> _parameters = [];

    private RuleSetSql(RuleSet ruleSet, string alias)
    {
        var sql = new StringBuilder("CASE");
        for (var i = 0; i < ruleSet.Rules.Count; i++)
        {
            var rule = ruleSet.Rules[i];
            if (rule.When is null) break;
            sql.Append(" WHEN ").Append(Condition(rule.When, alias)).Append(" THEN ").Append(i + 1);
        }
        sql.Append(" ELSE ").Append(ruleSet.Rules.Count).Append(" END");
        RuleNumber = sql.ToString();
        _parameters.Add(new NpgsqlParameter("rule_ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = ruleSet.Rules.Select(r => r.Id).ToArray() });
        _parameters.Add(new NpgsqlParameter("rule_segments", NpgsqlDbType.Array | NpgsqlDbType.Text)
        {
            Value = ruleSet.Rules.Select(r => r.Segment.ToSlug()).ToArray(),
        });
    }

    /// <summary>Builds the SQL for a validated rule set over the debtor_facts row named <paramref name="alias"/>.</summary>
    public static RuleSetSql For(RuleSet ruleSet, string alias = "f") => new(ruleSet, alias);

    /// <summary>
    /// The expression giving the number (from 1) of the first rule that holds; <c>(@rule_ids)[n]</c> and
    /// <c>(@rule_segments)[n]</c> give its id and segment.
    /// </summary>
    public string RuleNumber { get; }

    /// <summary>The parameters the expression uses; add them to the command.</summary>
    public IReadOnlyList<NpgsqlParameter> Parameters => _parameters;

    /// <summary>The debtor_facts column that holds a catalogued fact.</summary>
    public static string Column(string fact) =>
        SegmentationFacts.Find(fact) is not null
            ? InvorderingDbContext.SnakeCase(fact)
            : throw new ArgumentException($"Onbekend feit '{fact}'.", nameof(fact));

    private string Condition(RuleCondition condition, string alias) => condition switch
    {
        FactComparison c => $"{alias}.{Column(c.Fact)} {Operator(c.Op)} {Parameter(c.Value)}",
        AllConditions all => "(" + string.Join(" AND ", all.Conditions.Select(c => Condition(c, alias))) + ")",
        AnyConditions any => "(" + string.Join(" OR ", any.Conditions.Select(c => Condition(c, alias))) + ")",
        NotCondition not => "(NOT " + Condition(not.Inner, alias) + ")",
        _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, null),
    };

    private string Parameter(long value)
    {
        var name = $"v{_parameters.Count}";
        _parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Bigint) { Value = value });
        return "@" + name;
    }

    private static string Operator(FactComparisonOperator op) => op switch
    {
        FactComparisonOperator.Equal => "=",
        FactComparisonOperator.NotEqual => "<>",
        FactComparisonOperator.GreaterThan => ">",
        FactComparisonOperator.GreaterThanOrEqual => ">=",
        FactComparisonOperator.LessThan => "<",
        FactComparisonOperator.LessThanOrEqual => "<=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, null),
    };
}
