using Invordering.Domain.Segmentation;
using Invordering.Infrastructure.Segmentation;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace Invordering.Infrastructure.Tests.Segmentation;

public sealed class DebtorFactsTests : IAsyncLifetime
{
    private readonly SegmentationWorld _world = new();
    public Task InitializeAsync() => _world.InitializeAsync();
    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task Facts_count_the_outcomes_of_the_last_three_years_and_the_current_direct_debits()
    {
        var (id, bsn) = await _world.AddDebtorAsync();
        var today = SegmentationWorld.Today;
        await _world.AddHistoryAsync(bsn, "op-tijd", today.AddMonths(-2), daysLate: 0);
        await _world.AddHistoryAsync(bsn, "op-tijd", today.AddMonths(-14));
        await _world.AddHistoryAsync(bsn, "na-herinnering", today.AddMonths(-20), daysLate: 10);
        await _world.AddHistoryAsync(bsn, "na-aanmaning", today.AddMonths(-25), daysLate: 30);
        await _world.AddHistoryAsync(bsn, "na-dwangbevel", today.AddMonths(-26), daysLate: 61);
        await _world.AddHistoryAsync(bsn, "kwijtschelding-toegekend", today.AddMonths(-13));
        await _world.AddHistoryAsync(bsn, "kwijtschelding-afgewezen", today.AddMonths(-3));
        await _world.AddHistoryAsync(bsn, "regeling-nagekomen", today.AddMonths(-7));
        await _world.AddHistoryAsync(bsn, "oninbaar", today.AddMonths(-37));
        await _world.AddAssessmentAsync(id, today.AddMonths(1), directDebit: true);
        await _world.AddAssessmentAsync(id, new DateOnly(2023, 3, 1), directDebit: true);
        await _world.AddAssessmentAsync(id, today.AddMonths(1), directDebit: false);

        var facts = await ComputeAsync(id);

        Assert.Equal(today, facts.ComputedOn);
        Assert.Equal(8, facts.Claims);
        Assert.Equal(2, facts.OnTime);
        Assert.Equal(25, facts.OnTimePercent);
        Assert.Equal(37, facts.PaidByReminderPercent);
        Assert.Equal((1, 1, 1, 0, 0, 1), (facts.AfterReminder, facts.AfterDemand, facts.AfterWrit, facts.AfterRenewedWrit, facts.PaidToBailiff, facts.PaidAfterWrit));
        Assert.Equal((1, 0, 1, 1), (facts.RemissionGranted, facts.RemissionGrantedLastYear, facts.RemissionRefused, facts.PaymentPlanKept));
        Assert.Equal(0, facts.WrittenOff);
        Assert.Equal(25, facts.AverageDaysLate);
        Assert.Equal(1, facts.DirectDebitAssessments);
    }

    [Fact]
    public async Task History_is_matched_by_kvk_number_and_counted_by_tax_year_when_it_has_no_settlement_date()
    {
        var (company, kvk) = await _world.AddDebtorAsync(company: true);
        var (person, _) = await _world.AddDebtorAsync();
        await _world.AddHistoryAsync(kvk, "deurwaarder-betaald", taxYear: 2024);
        await _world.AddHistoryAsync(kvk, "beslag-zonder-resultaat", taxYear: 2022);

        var facts = await ComputeAsync(company);
        var other = await ComputeAsync(person);

        Assert.Equal((1, 1, 0), (facts.Claims, facts.PaidToBailiff, facts.SeizureWithoutResult));
        Assert.Equal(0, other.Claims);
    }

    [Fact]
    public async Task Cases_closed_here_count_like_imported_history_by_how_far_they_got_and_how_they_ended()
    {
        var (id, bsn) = await _world.AddDebtorAsync();
        var today = SegmentationWorld.Today;
        var due = today.AddMonths(-10);
        await _world.AddCaseAsync(id, due, "betaald", due.AddDays(40), "herinnering");
        await _world.AddCaseAsync(id, due, "betaald", due.AddDays(60), "aanmaning", "dwangbevel");
        await _world.AddCaseAsync(id, due, "betaald", due.AddDays(80), "aanmaning", "dwangbevel", "aankondiging-hernieuwd-bevel");
        var bailiff = await _world.AddCaseAsync(id, due, "betaald", due.AddDays(100), "aanmaning", "dwangbevel", "aankondiging-hernieuwd-bevel");
        await _world.AddCaseEventAsync(bailiff, "seizure_orders", "paid");
        await _world.AddCaseEventAsync(bailiff, "remission_requests", "refused");
        var plan = await _world.AddCaseAsync(id, due, "betaald", due.AddDays(200), "aanmaning");
        await _world.AddCaseEventAsync(plan, "payment_plans", "defaulted");
        await _world.AddCaseEventAsync(plan, "payment_plans", "kept");
        var nothing = await _world.AddCaseAsync(id, due, "oninbaar", today.AddMonths(-2), "aanmaning", "dwangbevel");
        await _world.AddCaseEventAsync(nothing, "seizure_orders", "nothing-to-seize");
        await _world.AddCaseAsync(id, due, "kwijtschelding", today.AddMonths(-3));
        await _world.AddCaseAsync(id, due, "schuldhulp", today.AddMonths(-1));
        await _world.AddCaseAsync(id, due, outcome: null, today, "aanmaning", "dwangbevel");
        await _world.AddCaseAsync(id, today.AddYears(-4), "betaald", today.AddYears(-3).AddDays(-1), "aanmaning", "dwangbevel");

        var facts = await ComputeAsync(id);

        Assert.Equal(8, facts.Claims);
        Assert.Equal((0, 1, 0, 1, 1, 1, 3), (facts.OnTime, facts.AfterReminder, facts.AfterDemand, facts.AfterWrit, facts.AfterRenewedWrit,
            facts.PaidToBailiff, facts.PaidAfterWrit));
        Assert.Equal((1, 1, 1), (facts.PaymentPlanKept, facts.PaymentPlanLapsed, facts.SeizureWithoutResult));
        Assert.Equal((1, 1, 1, 1), (facts.RemissionGranted, facts.RemissionGrantedLastYear, facts.RemissionRefused, facts.WrittenOff));
        Assert.Equal((40 + 60 + 80 + 100 + 200) / 5, facts.AverageDaysLate);
        Assert.Equal(12, facts.PaidByReminderPercent);
    }

    [Fact]
    public async Task A_closed_case_whose_claim_is_in_the_imported_history_counts_once_through_that_history()
    {
        var (id, bsn) = await _world.AddDebtorAsync();
        var caseId = await _world.AddCaseAsync(id, SegmentationWorld.Today.AddMonths(-5), "betaald", SegmentationWorld.Today.AddMonths(-4), "aanmaning");
        await _world.ExecuteAsync(
            """
            INSERT INTO payment_history (bsn, tax_year, assessment_number, amount_cents, outcome, days_late, settled_on, batch_id)
            SELECT @bsn, a.tax_year, a.assessment_number, a.amount_cents, 'na-aanmaning', 20, @settled, (SELECT min(id) FROM import_batches)
            FROM collection_cases c JOIN assessments a ON a.id = c.assessment_id WHERE c.id = @case
            """, ("bsn", bsn), ("settled", SegmentationWorld.Today.AddMonths(-4)), ("case", caseId));

        var facts = await ComputeAsync(id);

        Assert.Equal((1, 1, 20), (facts.Claims, facts.AfterDemand, facts.AverageDaysLate));
    }

    [Fact]
    public async Task The_run_for_everyone_counts_closed_cases_the_same_as_resegmenting_one_debtor()
    {
        var (first, _) = await _world.AddDebtorAsync();
        var (second, _) = await _world.AddDebtorAsync();
        var due = SegmentationWorld.Today.AddMonths(-8);
        var seized = await _world.AddCaseAsync(first, due, "oninbaar", SegmentationWorld.Today.AddMonths(-1), "aanmaning", "dwangbevel");
        await _world.AddCaseEventAsync(seized, "seizure_orders", "nothing-to-seize");
        await _world.AddCaseAsync(second, due, "betaald", due.AddDays(30), "aanmaning");
        await using var db = _world.CreateContext();

        var run = await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);
        var all = await db.DebtorFacts.AsNoTracking().OrderBy(f => f.DebtorId).ToListAsync();
        var one = new[] { await ComputeAsync(first), await ComputeAsync(second) };

        Assert.Equal(all.Select(f => f.ToFacts()), one.Select(f => f.ToFacts()));
        Assert.Equal((1L, 1L), (run.PerSegment["kan-niet"], run.PerSegment["kan-en-wil"]));
        var segments = await db.DebtorSegments.AsNoTracking().Where(s => s.IsCurrent).OrderBy(s => s.DebtorId).Select(s => s.RuleId).ToListAsync();
        Assert.Equal(["beslag-zonder-resultaat", "standaard"], segments);
    }

    [Fact]
    public async Task Segmenting_again_without_changes_writes_no_new_segment_rows()
    {
        var (_, bsn) = await _world.AddDebtorAsync();
        await _world.AddHistoryAsync(bsn, "na-dwangbevel");
        await _world.AddDebtorAsync();
        await using var db = _world.CreateContext();

        var first = await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);
        var second = await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);

        Assert.Equal((2L, 2L), (first.Debtors, first.Changed));
        Assert.Equal((2L, 0L), (second.Debtors, second.Changed));
        Assert.Equal(2, await db.DebtorSegments.CountAsync());
        Assert.Equal(2L, first.PerSegment["kan-en-wil"]);
    }

    [Fact]
    public async Task Rules_evaluated_in_sql_agree_with_the_domain_for_random_facts()
    {
        const string json = """
            {"title": "Alle vormen van voorwaarden", "rules": [
              {"id": "a", "description": "a", "segment": "kan-niet",
               "when": {"all": [{"fact": "claims", "op": ">", "value": 3}, {"not": {"fact": "onTimePercent", "op": "<", "value": 40}}]}},
              {"id": "b", "description": "b", "segment": "wil-niet",
               "when": {"any": [{"fact": "afterWrit", "op": "==", "value": 2}, {"fact": "averageDaysLate", "op": "<=", "value": 3}]}},
              {"id": "c", "description": "c", "segment": "kan-en-wil", "when": {"fact": "directDebitAssessments", "op": "!=", "value": 0}},
              {"id": "d", "description": "d", "segment": "kan-niet", "when": {"fact": "writtenOff", "op": ">=", "value": 1}},
              {"id": "e", "description": "e", "segment": "wil-niet"}
            ]}
            """;
        await using var db = _world.CreateContext();
        var version = await RuleSetStore.AddDraftAsync(db, json, "test", CancellationToken.None);
        await RuleSetStore.PublishAsync(db, version, "test", CancellationToken.None);
        var ruleSet = await RuleSetStore.PublishedAsync(db, CancellationToken.None);
        await _world.ExecuteAsync("INSERT INTO debtors (bsn, name, street, house_number, postcode, city) " +
                                  "SELECT lpad(n::text, 9, '0'), 'T', 'S', '1', '1234AB', 'P' FROM generate_series(1, 400) n");
        await FillRandomFactsAsync(new Random(20261122));

        await using (var tx = await db.Database.BeginTransactionAsync())
        {
            await DebtorSegmentsUpdate.ApplyAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(),
                ruleSet, SegmentationWorld.Today, debtorId: null, CancellationToken.None);
            await tx.CommitAsync();
        }

        var segments = await db.DebtorSegments.AsNoTracking().ToListAsync();
        var factsSeen = await db.DebtorFacts.AsNoTracking().ToDictionaryAsync(f => f.DebtorId);
        Assert.Equal(400, segments.Count);
        foreach (var segment in segments)
        {
            var facts = segment.ToFacts();
            Assert.Equal(SegmentationFacts.All.Select(f => f.Name).Order(), facts.Keys.Order());
            Assert.Equal(factsSeen[segment.DebtorId].ToFacts(), facts);
            Assert.Equal(ruleSet.RuleSet.Evaluate(facts).Id, segment.RuleId);
        }
        Assert.Equal(5, segments.Select(s => s.RuleId).Distinct().Count());
    }

    private async Task FillRandomFactsAsync(Random random)
    {
        var columns = SegmentationFacts.All.Select(f => RuleSetSql.Column(f.Name)).ToList();
        var values = columns.Select(c => c.EndsWith("percent", StringComparison.Ordinal)
            ? Enumerable.Range(0, 400).Select(_ => random.Next(0, 101)).ToArray()
            : Enumerable.Range(0, 400).Select(_ => random.Next(0, 6)).ToArray()).ToList();
        await using var command = _world.DataSource.CreateCommand(
            $"INSERT INTO debtor_facts (debtor_id, computed_on, {string.Join(", ", columns)}) " +
            $"SELECT d.id, @today, {string.Join(", ", columns.Select((_, i) => $"(@c{i})[d.n]"))} " +
            "FROM (SELECT id, row_number() OVER (ORDER BY id) AS n FROM debtors) d");
        command.Parameters.AddWithValue("today", SegmentationWorld.Today);
        for (var i = 0; i < values.Count; i++) command.Parameters.AddWithValue($"c{i}", values[i]);
        await command.ExecuteNonQueryAsync();
    }

    private async Task<Persistence.Entities.DebtorFactsRecord> ComputeAsync(long debtorId)
    {
        await using var db = _world.CreateContext();
        await _world.Segmenter.ResegmentDebtorAsync(db, debtorId, "test", null, CancellationToken.None);
        return await db.DebtorFacts.AsNoTracking().SingleAsync(f => f.DebtorId == debtorId);
    }
}
