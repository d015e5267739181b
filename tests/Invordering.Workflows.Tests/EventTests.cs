using Invordering.Workflows;
using Invordering.Workflows.Tests.Support;

namespace Invordering.Workflows.Tests;

public sealed class EventTests
{
    /// <summary>wil-niet, started, in the 14-day wait after the aanmaning, five days in.</summary>
    private static WorkflowDriver WaitingAfterDemand() => new WorkflowDriver(Definitions.Shipped("wil-niet")).Play("start", "days 5");

    [Fact]
    public void Paid_in_full_ends_the_case_as_paid()
    {
        var run = WaitingAfterDemand().Play("event betaling-volledig");

        Assert.Equal(WorkflowStatus.Completed, run.State.Status);
        Assert.Equal(CaseOutcome.Paid, run.State.Outcome);
        Assert.Contains(run.Journal, j => j.Kind == JournalKind.Event && j.Reason == "Gebeurtenis 'betaling-volledig': De vordering is volledig betaald.");
    }

    [Fact]
    public void Paid_in_full_during_a_task_cancels_the_task()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-niet")).Play("start", "event betaling-volledig");

        Assert.Equal(new CancelTaskEffect("bellen"), Assert.Single(run.Effects.OfType<CancelTaskEffect>()));
        Assert.Equal(CaseOutcome.Paid, run.State.Outcome);
    }

    [Fact]
    public void Paid_in_full_with_the_bailiff_recalls_the_seizure_order()
    {
        var run = new WorkflowDriver(Definitions.Shipped("wil-niet")).Play("start", "timer", "timer", "timer", "event betaling-volledig");

        Assert.Equal(new RecallSeizureOrderEffect("beslag"), Assert.Single(run.Effects.OfType<RecallSeizureOrderEffect>()));
        Assert.Equal(CaseOutcome.Paid, run.State.Outcome);
    }

    [Fact]
    public void Partial_payment_is_journaled_and_the_workflow_continues()
    {
        var run = WaitingAfterDemand();
        var before = run.State;

        run.Play("event betaling-deels");

        Assert.Equal(before, run.State);
        Assert.Empty(run.Last!.Effects);
        Assert.Equal(JournalKind.Event, Assert.Single(run.Last.Journal).Kind);

        run.Play("timer");

        Assert.Equal(["aanmaning", "dwangbevel"], run.Letters);
    }

    [Fact]
    public void Payment_plan_agreed_pauses_with_a_confirmation_and_defaulted_resumes_the_step_afresh()
    {
        var run = WaitingAfterDemand().Play("event regeling-afgesproken");

        Assert.Equal(WorkflowStatus.Paused, run.State.Status);
        Assert.Equal(["regeling"], run.State.Holds);
        Assert.Equal("regeling", run.State.PauseReason);
        Assert.Null(run.State.WakeUp);
        Assert.Equal("wacht-na-aanmaning", run.State.CurrentStepId);
        Assert.Equal(["aanmaning", "regeling-bevestiging"], run.Letters);
        Assert.Contains(run.Journal, j => j.Kind == JournalKind.Paused);

        run.Timer();
        Assert.True(run.Last!.Refused);

        run.Play("days 60", "event regeling-verzuimd");

        Assert.Equal(["aanmaning", "regeling-bevestiging", "regeling-vervallen"], run.Letters);
        Assert.Equal(WorkflowStatus.Waiting, run.State.Status);
        Assert.Empty(run.State.Holds);
        Assert.Equal(run.Today.AddDays(14), run.State.WakeUp);
        Assert.Contains(run.Journal, j => j.Kind == JournalKind.Resumed);

        run.Play("timer");

        Assert.Equal("dwangbevel", run.Letters[3]);
    }

    [Fact]
    public void Missed_instalment_sends_one_letter_with_fourteen_days_and_stays_paused()
    {
        var run = WaitingAfterDemand().Play("event regeling-afgesproken", "days 30", "event termijn-gemist");

        var letter = run.Effects.OfType<IssueLetterEffect>().Last();
        Assert.Equal(new IssueLetterEffect("termijn-gemist", null, run.Today.AddDays(14)), letter);
        Assert.Equal(WorkflowStatus.Paused, run.State.Status);
    }

    [Fact]
    public void Remission_requested_pauses_and_a_refusal_resumes()
    {
        var run = WaitingAfterDemand().Play("event kwijtschelding-aangevraagd");

        Assert.Equal(WorkflowStatus.Paused, run.State.Status);
        Assert.Equal(["kwijtschelding"], run.State.Holds);

        run.Play("days 20", "event kwijtschelding-besloten afgewezen");

        Assert.Equal(WorkflowStatus.Waiting, run.State.Status);
        Assert.Equal("wacht-na-aanmaning", run.State.CurrentStepId);
        Assert.Contains(run.Journal, j => j.Reason.StartsWith("Gebeurtenis 'kwijtschelding-besloten (afgewezen)'"));
    }

    [Fact]
    public void Remission_granted_ends_the_case()
    {
        var run = WaitingAfterDemand().Play("event kwijtschelding-aangevraagd", "days 20", "event kwijtschelding-besloten toegekend");

        Assert.Equal(CaseOutcome.Remission, run.State.Outcome);
        Assert.Equal(new CompleteCaseEffect(CaseOutcome.Remission), run.Effects[^1]);
    }

    [Fact]
    public void Remission_decision_needs_a_known_result()
    {
        var run = WaitingAfterDemand().Play("event kwijtschelding-aangevraagd");

        run.Event("kwijtschelding-besloten");
        Assert.Equal("onbekend-resultaat", run.Last!.Error!.Code);

        run.Event("kwijtschelding-besloten", "misschien");
        Assert.True(run.Last.Refused);
        Assert.Equal(WorkflowStatus.Paused, run.State.Status);
    }

    [Fact]
    public void Deferral_on_objection_pauses_until_it_ends()
    {
        var run = WaitingAfterDemand().Play("event bezwaar-uitstel");

        Assert.Equal(["uitstel"], run.State.Holds);

        run.Play("days 40", "event uitstel-beeindigd");

        Assert.Equal(WorkflowStatus.Waiting, run.State.Status);
        Assert.Equal(run.Today.AddDays(14), run.State.WakeUp);
    }

    [Fact]
    public void Staff_can_pause_resume_and_stop()
    {
        var run = WaitingAfterDemand().Play("event pauze");
        Assert.Equal(["medewerker"], run.State.Holds);

        run.Play("event hervat");
        Assert.Equal(WorkflowStatus.Waiting, run.State.Status);

        run.Play("event stop");
        Assert.Equal(CaseOutcome.Stopped, run.State.Outcome);
        Assert.Equal(new CompleteCaseEffect(CaseOutcome.Stopped), run.Effects[^1]);
    }

    [Fact]
    public void Instance_stays_paused_until_every_hold_is_lifted()
    {
        var run = WaitingAfterDemand().Play("event regeling-afgesproken", "event bezwaar-uitstel");

        Assert.Equal(["regeling", "uitstel"], run.State.Holds);

        run.Play("event uitstel-beeindigd");

        Assert.Equal(WorkflowStatus.Paused, run.State.Status);
        Assert.Equal(["regeling"], run.State.Holds);
        Assert.Contains("nog stil om 'regeling'", run.Journal[^1].Reason);

        run.Play("event regeling-verzuimd");

        Assert.Equal(WorkflowStatus.Waiting, run.State.Status);
    }

    [Fact]
    public void Pausing_twice_for_the_same_reason_changes_nothing_and_sends_no_second_letter()
    {
        var run = WaitingAfterDemand().Play("event regeling-afgesproken", "event regeling-afgesproken");

        Assert.Equal(["regeling"], run.State.Holds);
        Assert.Single(run.Letters, l => l == "regeling-bevestiging");
    }

    [Fact]
    public void Resuming_a_hold_that_is_not_there_changes_nothing()
    {
        var run = WaitingAfterDemand();
        var before = run.State;

        run.Play("event regeling-verzuimd");

        Assert.Equal(before, run.State);
        Assert.Empty(run.Last!.Effects);
        Assert.Contains("stond niet stil om 'regeling'", run.Journal[^1].Reason);
    }

    [Fact]
    public void Pause_with_the_bailiff_recalls_the_order_and_resume_sends_a_new_one()
    {
        var run = new WorkflowDriver(Definitions.Shipped("wil-niet")).Play("start", "timer", "timer", "timer", "event bezwaar-uitstel");

        Assert.Single(run.Effects.OfType<RecallSeizureOrderEffect>());
        Assert.Equal(WorkflowStatus.Paused, run.State.Status);

        run.Play("event uitstel-beeindigd");

        Assert.Equal(2, run.Effects.OfType<SeizureOrderEffect>().Count());
        Assert.Equal(WorkflowStatus.WaitingForBailiff, run.State.Status);
    }

    [Fact]
    public void Event_the_definition_does_not_handle_is_journaled_only()
    {
        var run = new WorkflowDriver(Definitions.Build("""{ "w": { "type": "wait", "days": 5, "kind": "calendar", "next": "w" } }""", "w"))
            .Play("start", "event regeling-afgesproken");

        Assert.Equal(WorkflowStatus.Waiting, run.State.Status);
        Assert.Contains("doet niets met deze gebeurtenis", run.Journal[^1].Reason);
    }

    [Fact]
    public void Unknown_event_and_events_after_the_end_are_refused()
    {
        var run = WaitingAfterDemand();

        run.Event("verhuisd");
        Assert.Equal("onbekende-gebeurtenis", run.Last!.Error!.Code);

        run.Play("event betaling-volledig");
        var journalLength = run.Journal.Count;
        run.Event("betaling-volledig");

        Assert.True(run.Last.Refused);
        Assert.Equal("trigger-past-niet", run.Last.Error!.Code);
        Assert.Equal(journalLength, run.Journal.Count);
    }
}
