using Invordering.Workflows;
using Invordering.Workflows.Tests.Support;

namespace Invordering.Workflows.Tests;

public sealed class StepTypeTests
{
    private const string End = """ "klaar": { "type": "end", "outcome": "betaald" } """;

    [Fact]
    public void Letter_issues_its_template_with_costs_and_pay_by_date_and_remembers_the_aanmaning()
    {
        var run = new WorkflowDriver(Definitions.Build($$"""
            { "a": { "type": "letter", "title": "Aanmaning", "template": "aanmaning", "cost": "aanmaning", "payWithinDays": 14, "next": "klaar" }, {{End}} }
            """, "a"));

        run.Play("start");

        var letter = Assert.Single(run.Effects.OfType<IssueLetterEffect>());
        Assert.Equal(new IssueLetterEffect("aanmaning", CostKind.Demand, WorkflowDriver.Monday.AddDays(14)), letter);
        Assert.Equal(WorkflowDriver.Monday, run.State.LastDemandDate);
        Assert.Contains(run.Journal, j => j is { Kind: JournalKind.StepEntered, StepId: "a", Reason: "Stap 'a': Aanmaning." });
        Assert.Contains(run.Journal, j => j.Kind == JournalKind.Effect && j.Reason == "Brief 'aanmaning' met kosten (aanmaning), te betalen uiterlijk 16-03-2026.");
    }

    [Fact]
    public void Letter_without_costs_or_term_has_neither()
    {
        var run = new WorkflowDriver(Definitions.Build($$"""{ "a": { "type": "letter", "template": "niet-bereikt", "next": "klaar" }, {{End}} }""", "a"));

        run.Play("start");

        Assert.Equal(new IssueLetterEffect("niet-bereikt", null, null), Assert.Single(run.Effects.OfType<IssueLetterEffect>()));
        Assert.Null(run.State.LastDemandDate);
    }

    [Fact]
    public void Dwangbevel_reached_too_early_at_run_time_waits_until_fourteen_days_after_the_aanmaning()
    {
        // The validator refuses this definition; the engine still guards instances that get here (for example after a migration).
        var run = new WorkflowDriver(Definitions.Build($$"""
            { "aanmaning": { "type": "letter", "template": "aanmaning", "cost": "aanmaning", "payWithinDays": 14, "next": "wacht" },
              "wacht": { "type": "wait", "days": 7, "kind": "calendar", "next": "dwangbevel" },
              "dwangbevel": { "type": "letter", "template": "dwangbevel", "cost": "dwangbevel", "payWithinDays": 2, "next": "klaar" },
              {{End}} }
            """, "aanmaning"));

        run.Play("start", "timer");

        Assert.Equal("dwangbevel", run.State.CurrentStepId);
        Assert.Equal(WorkflowStatus.Waiting, run.State.Status);
        Assert.Equal(WorkflowDriver.Monday.AddDays(14), run.State.WakeUp);
        Assert.Equal(["aanmaning"], run.Letters);
        Assert.Contains(run.Journal, j => j.Kind == JournalKind.Waiting && j.Reason.StartsWith("Het dwangbevel wacht tot 16-03-2026"));

        run.Play("timer");

        Assert.Equal(["aanmaning", "dwangbevel"], run.Letters);
        Assert.Equal(14, run.LettersSent[1].On.DayNumber - run.LettersSent[0].On.DayNumber);
    }

    [Fact]
    public void Dwangbevel_without_an_aanmaning_fails_at_run_time()
    {
        var run = new WorkflowDriver(Definitions.Build($$"""
            { "dwangbevel": { "type": "letter", "template": "dwangbevel", "cost": "dwangbevel", "payWithinDays": 2, "next": "klaar" }, {{End}} }
            """, "dwangbevel"));

        run.Start();

        Assert.Equal(WorkflowStatus.Failed, run.State.Status);
        Assert.Equal("dwangbevel-zonder-aanmaning", run.Last!.Error!.Code);
        Assert.Empty(run.Effects);
    }

    [Fact]
    public void Hernieuwd_bevel_without_a_dwangbevel_fails_at_run_time()
    {
        var run = new WorkflowDriver(Definitions.Build($$"""
            { "h": { "type": "letter", "template": "aankondiging-hernieuwd-bevel", "cost": "hernieuwd-bevel", "payWithinDays": 2, "next": "klaar" }, {{End}} }
            """, "h"));

        run.Start();

        Assert.Equal("Stap 'h': er is geen dwangbevel verstuurd; een hernieuwd bevel mag pas na een dwangbevel.", run.State.FailureReason);
    }

    [Fact]
    public void Aanmaning_fails_at_run_time_when_the_claim_is_no_longer_past_due()
    {
        var run = new WorkflowDriver(Definitions.Build($$"""
            { "wacht": { "type": "wait", "days": 3, "kind": "calendar", "next": "aanmaning" },
              "aanmaning": { "type": "letter", "template": "aanmaning", "cost": "aanmaning", "payWithinDays": 14, "next": "klaar" }, {{End}} }
            """, "wacht"));
        run.Play("start", "days 3");
        run.Facts = run.Facts with { DaysPastDue = 0 };

        run.Timer();

        Assert.Equal("aanmaning-voor-vervaldatum", run.Last!.Error!.Code);
        Assert.Equal(WorkflowStatus.Failed, run.State.Status);
    }

    [Fact]
    public void Calendar_wait_wakes_after_its_days()
    {
        var run = new WorkflowDriver(Definitions.Build($$"""{ "w": { "type": "wait", "days": 14, "kind": "calendar", "next": "klaar" }, {{End}} }""", "w"));

        run.Play("start");

        Assert.Equal(WorkflowStatus.Waiting, run.State.Status);
        Assert.Equal(new DateOnly(2026, 3, 16), run.State.WakeUp);
        Assert.Equal(WorkflowDriver.Monday, run.State.StepEnteredOn);

        run.Play("timer");

        Assert.Equal(WorkflowStatus.Completed, run.State.Status);
    }

    [Fact]
    public void Working_day_wait_skips_the_weekend()
    {
        var run = new WorkflowDriver(Definitions.Build($$"""
            { "w1": { "type": "wait", "days": 4, "kind": "calendar", "next": "w2" },
              "w2": { "type": "wait", "days": 2, "kind": "working", "next": "klaar" }, {{End}} }
            """, "w1"));

        run.Play("start", "timer");

        Assert.Equal(new DateOnly(2026, 3, 6), run.State.StepEnteredOn);
        Assert.Equal(new DateOnly(2026, 3, 10), run.State.WakeUp);
        Assert.Contains(run.Journal, j => j.Reason == "Wacht 2 werkdagen, tot 10-03-2026.");
    }

    [Fact]
    public void Decision_follows_the_first_branch_that_holds_and_journals_facts_and_rule()
    {
        var definition = Definitions.Build($$"""
            { "d": { "type": "decision", "branches": [
                  { "when": { "fact": "openAmount", "op": ">=", "value": 100000 }, "target": "groot" },
                  { "when": { "all": [ { "fact": "openAmount", "op": ">=", "value": 45400 }, { "not": { "fact": "isCompany", "op": "==", "value": true } } ] }, "target": "middel" },
                  { "when": { "any": [ { "fact": "segment", "op": "==", "value": "kan-niet" }, { "fact": "previousWrits", "op": ">", "value": 2 } ] }, "target": "klein" } ],
                "otherwise": "klaar" },
              "groot": { "type": "end", "outcome": "deurwaarder" },
              "middel": { "type": "end", "outcome": "regeling" },
              "klein": { "type": "end", "outcome": "oninbaar" },
              {{End}} }
            """, "d");

        CaseOutcome? Decide(CaseFacts facts)
        {
            var run = new WorkflowDriver(definition, facts with { DaysPastDue = 5 });
            run.Play("start");
            return run.State.Outcome;
        }

        Assert.Equal(CaseOutcome.Bailiff, Decide(new CaseFacts { OpenAmountCents = 100_000 }));
        Assert.Equal(CaseOutcome.PaymentPlan, Decide(new CaseFacts { OpenAmountCents = 45_400 }));
        Assert.Equal(CaseOutcome.WriteOff, Decide(new CaseFacts { OpenAmountCents = 45_400, IsCompany = true, PreviousWrits = 3 }));
        Assert.Equal(CaseOutcome.WriteOff, Decide(new CaseFacts { OpenAmountCents = 100, Segment = "kan-niet" }));
        Assert.Equal(CaseOutcome.Paid, Decide(new CaseFacts { OpenAmountCents = 100, Segment = "wil-niet" }));

        var traced = new WorkflowDriver(definition, new CaseFacts { OpenAmountCents = 50_000, DaysPastDue = 5 });
        traced.Play("start");
        var entry = Assert.Single(traced.Journal, j => j.Kind == JournalKind.Decision);
        Assert.Equal("tak 2: (openAmount >= 45400 en niet isCompany == true)", entry.Rule);
        Assert.Equal(["openAmount", "isCompany", "segment", "previousWrits"], entry.FactsSeen!.Keys);
        Assert.Equal(FactValue.Of(50_000), entry.FactsSeen["openAmount"]);
        Assert.Equal("d", entry.StepId);
    }

    [Fact]
    public void Task_creates_a_task_due_in_working_days_and_follows_the_chosen_outcome()
    {
        var run = new WorkflowDriver(Definitions.Build($$"""
            { "w": { "type": "wait", "days": 4, "kind": "calendar", "next": "t" },
              "t": { "type": "task", "title": "Bellen", "kind": "telefoon", "dueWithinWorkingDays": 2,
                     "outcomes": [ { "name": "bereikt", "label": "Bereikt", "target": "klaar" }, { "name": "niet-bereikt", "target": "stop" } ] },
              "stop": { "type": "end", "outcome": "gestopt" },
              {{End}} }
            """, "w"));

        run.Play("start", "timer");

        var task = Assert.Single(run.Effects.OfType<CreateTaskEffect>());
        Assert.Equal(("t", TaskKind.PhoneCall, new DateOnly(2026, 3, 10), "Bellen"), (task.StepId, task.Kind, task.DueDate, task.Title));
        Assert.Equal(WorkflowStatus.WaitingForTask, run.State.Status);
        Assert.Null(run.State.WakeUp);

        run.Task("onbekend");

        Assert.True(run.Last!.Refused);
        Assert.Equal("Stap 't': taakuitkomst 'onbekend' bestaat niet; kies uit: bereikt, niet-bereikt.", run.Last.Error!.Message);
        Assert.Equal(WorkflowStatus.WaitingForTask, run.State.Status);

        run.Play("task niet-bereikt");

        Assert.Equal(CaseOutcome.Stopped, run.State.Outcome);
    }

    [Fact]
    public void Handoff_sends_a_seizure_order_and_follows_the_bailiff_result()
    {
        var definition = Definitions.Build($$"""
            { "beslag": { "type": "handoff", "outcomes": { "betaald": "klaar", "deels-betaald": "rest", "niets-te-halen": "niets" } },
              "rest": { "type": "end", "outcome": "deurwaarder" },
              "niets": { "type": "end", "outcome": "oninbaar" },
              {{End}} }
            """, "beslag");

        foreach (var (result, outcome) in new[] { ("betaald", CaseOutcome.Paid), ("deels-betaald", CaseOutcome.Bailiff), ("niets-te-halen", CaseOutcome.WriteOff) })
        {
            var run = new WorkflowDriver(definition);
            run.Play("start");
            Assert.Equal(new SeizureOrderEffect("beslag"), Assert.Single(run.Effects.OfType<SeizureOrderEffect>()));
            Assert.Equal(WorkflowStatus.WaitingForBailiff, run.State.Status);

            run.Play($"bailiff {result}");

            Assert.Equal(outcome, run.State.Outcome);
        }
    }

    [Fact]
    public void Switch_completes_this_workflow_and_names_the_next_one()
    {
        var run = new WorkflowDriver(Definitions.Build("""{ "s": { "type": "switch", "workflow": "kan-niet" } }""", "s"));

        run.Play("start");

        Assert.Equal(new SwitchWorkflowEffect("kan-niet", null), Assert.Single(run.Effects));
        Assert.Equal(WorkflowStatus.Completed, run.State.Status);
        Assert.Null(run.State.Outcome);
        Assert.Contains(run.Journal, j => j.Kind == JournalKind.Completed && j.Reason.Contains("andere workflow"));
    }

    [Fact]
    public void End_completes_the_case_with_its_outcome()
    {
        var run = new WorkflowDriver(Definitions.Build("""{ "e": { "type": "end", "outcome": "schuldhulp" } }""", "e"));

        run.Play("start");

        Assert.Equal(new CompleteCaseEffect(CaseOutcome.DebtHelp), Assert.Single(run.Effects));
        Assert.Equal(CaseOutcome.DebtHelp, run.State.Outcome);
        Assert.Equal("Workflow afgerond met uitkomst 'schuldhulp'.", run.Journal[^1].Reason);
    }
}
