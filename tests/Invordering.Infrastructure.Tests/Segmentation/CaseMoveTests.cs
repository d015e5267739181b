using Invordering.Domain;
using Invordering.Infrastructure.Segmentation;
using Invordering.Infrastructure.Workflows;
using Invordering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Tests.Segmentation;

/// <summary>New cases take the debtor's segment; re-segmenting a debtor moves their open cases through the runtime's switch.</summary>
public sealed class CaseMoveTests : IAsyncLifetime
{
    private readonly SegmentationWorld _world = new();
    private WorkflowScheduler _scheduler = null!;

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        var engine = new WorkflowEngine(new CalendarWorkingDays(new WorkingDayCalendar(new WorkingDayCalendarOptions())));
        _scheduler = new WorkflowScheduler(_world.DataSource, new DefinitionStore(_world.DataSource), engine);
    }

    public Task DisposeAsync() => _world.DisposeAsync();

    private static readonly DateOnly Due = SegmentationWorld.Today.AddDays(-1);

    /// <summary>Opens the case of every overdue claim and starts its workflow.</summary>
    private async Task OpenAndStartCasesAsync()
    {
        await _scheduler.OpenDueCasesAsync(SegmentationWorld.Today, CancellationToken.None);
        await _scheduler.ProcessDueAsync(SegmentationWorld.Today, CancellationToken.None);
    }

    private Task<string> ActiveWorkflowAsync(long caseId) => _world.ScalarAsync<string>(
        """
        SELECT d.workflow_id FROM workflow_instances i JOIN workflow_definitions d ON d.id = i.definition_id
        WHERE i.case_id = @case AND i.status NOT IN ('completed', 'switched')
        """, ("case", caseId));

    private Task<long> CaseOfAsync(long assessmentId) =>
        _world.ScalarAsync<long>("SELECT id FROM collection_cases WHERE assessment_id = @a", ("a", assessmentId));

    [Fact]
    public async Task A_new_case_takes_the_debtors_segment_with_an_override_first()
    {
        var (computed, bsn) = await _world.AddDebtorAsync();
        await _world.AddHistoryAsync(bsn, "deurwaarder-betaald");
        var (overridden, bsn2) = await _world.AddDebtorAsync();
        await _world.AddHistoryAsync(bsn2, "deurwaarder-betaald");
        var (unsegmented, _) = await _world.AddDebtorAsync();
        await using (var db = _world.CreateContext())
        {
            await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);
            await _world.Segmenter.OverrideAsync(db, overridden, new SegmentOverrideRequest("kan-niet", "Kan niet betalen volgens schuldhulp.", null),
                "medewerker", null, CancellationToken.None);
        }
        var (unsegmentedAfterRun, _) = await _world.AddDebtorAsync();
        var claims = new List<long>();
        foreach (var debtor in new[] { computed, overridden, unsegmented, unsegmentedAfterRun })
            claims.Add(await _world.AddAssessmentAsync(debtor, Due));

        await OpenAndStartCasesAsync();

        var segments = new List<(string Segment, string Workflow)>();
        foreach (var claim in claims)
        {
            var caseId = await CaseOfAsync(claim);
            segments.Add((await _world.ScalarAsync<string>("SELECT segment FROM collection_cases WHERE id = @c", ("c", caseId)), await ActiveWorkflowAsync(caseId)));
        }
        Assert.Equal([("wil-niet", "wil-niet"), ("kan-niet", "kan-niet"), ("kan-en-wil", "kan-en-wil"), ("kan-en-wil", "kan-en-wil")], segments);
    }

    [Fact]
    public async Task A_claim_in_instalments_opens_a_case_only_when_a_due_instalment_is_unpaid()
    {
        var (debtor, _) = await _world.AddDebtorAsync();
        // 300.00 in ten monthly instalments of 30.00; the first fell due yesterday, the second next month.
        var behind = await _world.AddAssessmentAsync(debtor, Due);
        var onTime = await _world.AddAssessmentAsync(debtor, Due);
        await _world.ExecuteAsync("UPDATE assessments SET instalments = 10 WHERE id IN (@a, @b)", ("a", behind), ("b", onTime));
        await _world.ExecuteAsync("UPDATE assessments SET paid_cents = 3000 WHERE id = @b", ("b", onTime));

        await OpenAndStartCasesAsync();

        Assert.Equal(1, await _world.ScalarAsync<long>("SELECT count(*) FROM collection_cases WHERE assessment_id = @a", ("a", behind)));
        Assert.Equal(0, await _world.ScalarAsync<long>("SELECT count(*) FROM collection_cases WHERE assessment_id = @b", ("b", onTime)));
    }

    [Fact]
    public async Task An_override_moves_the_debtors_open_cases_to_the_other_segments_workflow()
    {
        var (debtor, _) = await _world.AddDebtorAsync();
        var claim = await _world.AddAssessmentAsync(debtor, Due);
        var (other, _) = await _world.AddDebtorAsync();
        var otherClaim = await _world.AddAssessmentAsync(other, Due);
        await OpenAndStartCasesAsync();
        var caseId = await CaseOfAsync(claim);
        var oldInstance = await _world.ScalarAsync<long>("SELECT id FROM workflow_instances WHERE case_id = @c", ("c", caseId));

        await using var db = _world.CreateContext();
        var change = await _world.Segmenter.OverrideAsync(db, debtor,
            new SegmentOverrideRequest("kan-niet", "Huisbezoek: geen inkomen, schulden bij meerdere schuldeisers.", null), "medewerker-7", null,
            CancellationToken.None);

        Assert.Equal([new MovedCase(caseId, "kan-en-wil", "kan-niet")], change!.MovedCases);
        Assert.Equal("switched", await _world.ScalarAsync<string>("SELECT status FROM workflow_instances WHERE id = @i", ("i", oldInstance)));
        Assert.Equal("kan-niet", await ActiveWorkflowAsync(caseId));
        Assert.Equal("kan-niet", await _world.ScalarAsync<string>("SELECT segment FROM collection_cases WHERE id = @c", ("c", caseId)));
        Assert.Equal("kan-en-wil", await ActiveWorkflowAsync(await CaseOfAsync(otherClaim)));
        var journal = await db.Journal.Where(j => j.CaseId == caseId && j.Actor == "medewerker-7").SingleAsync();
        Assert.Equal("Klantgroep gewijzigd van kan-en-wil naar kan-niet (handmatig vastgezet: Huisbezoek: geen inkomen, schulden bij meerdere schuldeisers.); "
            + "de zaak gaat verder in de workflow voor kan-niet.", journal.Reason);

        await _scheduler.ProcessDueAsync(SegmentationWorld.Today, CancellationToken.None);
        Assert.Equal(1, await _world.ScalarAsync<long>(
            "SELECT count(*) FROM outbox_messages WHERE message_type = 'CreateFieldTask' AND body->>'caseId' = @c", ("c", caseId.ToString())));
    }

    /// <summary>A debtor segmented wil-niet (two claims paid only after a writ) with an open case in the wil-niet workflow.</summary>
    private async Task<(long Debtor, string Bsn, long CaseId)> WilNietDebtorWithOpenCaseAsync()
    {
        var (debtor, bsn) = await _world.AddDebtorAsync();
        await _world.AddHistoryAsync(bsn, "na-dwangbevel", SegmentationWorld.Today.AddMonths(-8));
        await _world.AddHistoryAsync(bsn, "na-hernieuwd-bevel", SegmentationWorld.Today.AddMonths(-20));
        await using (var db = _world.CreateContext())
            await _world.Segmenter.SegmentAllAsync(db, "test", CancellationToken.None);
        var claim = await _world.AddAssessmentAsync(debtor, Due);
        await OpenAndStartCasesAsync();
        var caseId = await CaseOfAsync(claim);
        Assert.Equal("wil-niet", await ActiveWorkflowAsync(caseId));
        return (debtor, bsn, caseId);
    }

    [Fact]
    public async Task A_new_fact_resegments_one_debtor_and_moves_their_open_cases()
    {
        var (debtor, bsn, caseId) = await WilNietDebtorWithOpenCaseAsync();

        await _world.AddHistoryAsync(bsn, "kwijtschelding-toegekend", SegmentationWorld.Today.AddDays(-3));
        await using var db = _world.CreateContext();
        var change = await _world.Segmenter.ResegmentDebtorAsync(db, debtor, "medewerker-3", null, CancellationToken.None);

        Assert.Equal(("wil-niet", "kan-niet"), (change!.Before, change.After));
        Assert.Equal("kwijtschelding-recent", change.View.Computed!.RuleId);
        Assert.Equal([new MovedCase(caseId, "wil-niet", "kan-niet")], change.MovedCases);
        Assert.Equal("kan-niet", await ActiveWorkflowAsync(caseId));
        Assert.Equal(1, await db.AuditLog.CountAsync(a => a.Action == "resegment" && a.EntityId == debtor.ToString() && a.Actor == "medewerker-3"));
    }

    [Fact]
    public async Task Remission_granted_in_a_case_closed_here_resegments_the_debtor_and_moves_their_open_case()
    {
        var (debtor, _, caseId) = await WilNietDebtorWithOpenCaseAsync();

        await _world.AddCaseAsync(debtor, SegmentationWorld.Today.AddMonths(-4), "kwijtschelding", SegmentationWorld.Today.AddDays(-2));
        await using var db = _world.CreateContext();
        var change = await _world.Segmenter.ResegmentDebtorAsync(db, debtor, "medewerker-4", null, CancellationToken.None);

        Assert.Equal(("wil-niet", "kan-niet", "kwijtschelding-recent"), (change!.Before, change.After, change.View.Computed!.RuleId));
        Assert.Contains(change.View.Computed.Facts, f => f is { Name: "remissionGrantedLastYear", Value: 1 });
        Assert.Equal([new MovedCase(caseId, "wil-niet", "kan-niet")], change.MovedCases);
        Assert.Equal("kan-niet", await ActiveWorkflowAsync(caseId));
    }

    [Fact]
    public async Task An_override_to_the_segment_a_case_already_has_moves_nothing()
    {
        var (debtor, _) = await _world.AddDebtorAsync();
        var claim = await _world.AddAssessmentAsync(debtor, Due);
        await OpenAndStartCasesAsync();

        await using var db = _world.CreateContext();
        var change = await _world.Segmenter.OverrideAsync(db, debtor, new SegmentOverrideRequest("kan-en-wil", "Bevestigd na gesprek.", null),
            "medewerker", null, CancellationToken.None);

        Assert.Empty(change!.MovedCases);
        Assert.Equal(1, await _world.ScalarAsync<long>("SELECT count(*) FROM workflow_instances WHERE case_id = @c", ("c", await CaseOfAsync(claim))));
    }

    [Fact]
    public async Task Moving_a_case_cancels_its_open_task_and_recalls_its_seizure_order()
    {
        var (debtor, _) = await _world.AddDebtorAsync();
        var claim = await _world.AddAssessmentAsync(debtor, Due);
        await OpenAndStartCasesAsync();
        var caseId = await CaseOfAsync(claim);
        await _world.ExecuteAsync(
            """
            INSERT INTO field_tasks (case_id, instance_id, step_id, kind, due_date, command_id)
            SELECT case_id, id, current_step, 'telefoon', @due, gen_random_uuid() FROM workflow_instances WHERE case_id = @case;
            INSERT INTO seizure_orders (case_id, amount_cents, command_id) VALUES (@case, 30000, gen_random_uuid());
            """, ("case", caseId), ("due", SegmentationWorld.Today.AddDays(2)));

        await using var db = _world.CreateContext();
        await _world.Segmenter.OverrideAsync(db, debtor, new SegmentOverrideRequest("kan-niet", "Schuldhulp meldt: geen betaalruimte.", null),
            "medewerker", null, CancellationToken.None);

        var commands = await db.OutboxMessages.Where(m => m.MessageType == "CancelFieldTask" || m.MessageType == "RecallSeizureOrder")
            .Select(m => m.MessageType).OrderBy(t => t).ToListAsync();
        Assert.Equal(["CancelFieldTask", "RecallSeizureOrder"], commands);
    }
}
