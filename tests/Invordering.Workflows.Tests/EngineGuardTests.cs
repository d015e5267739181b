using Invordering.Workflows;
using Invordering.Workflows.Tests.Support;

namespace Invordering.Workflows.Tests;

public sealed class EngineGuardTests
{
    private const string End = """ "klaar": { "type": "end", "outcome": "betaald" } """;

    [Fact]
    public void Loop_without_waiting_is_stopped_by_the_step_budget_naming_the_step()
    {
        // The validator refuses this definition; the engine must still not run forever on it.
        var definition = Definitions.Build($$"""
            { "a": { "type": "decision", "branches": [ { "when": { "fact": "openAmount", "op": ">", "value": 0 } , "target": "b" } ], "otherwise": "klaar" },
              "b": { "type": "letter", "template": "herinnering", "next": "a" },
              {{End}} }
            """, "a");
        var run = new WorkflowDriver(definition, stepBudget: 25);

        run.Start();

        var error = run.Last!.Error!;
        Assert.Equal("stapbudget-op", error.Code);
        Assert.Equal("Stap 'b': meer dan 25 stappen zonder te wachten; de workflow is gestopt om een eindeloze lus te voorkomen.", error.Message);
        Assert.False(run.Last.Refused);
        Assert.Equal(WorkflowStatus.Failed, run.State.Status);
        Assert.Equal(error.Message, run.State.FailureReason);
        Assert.Empty(run.Effects);
        Assert.Equal(JournalKind.Failed, Assert.Single(run.Journal).Kind);
    }

    [Fact]
    public void Start_is_refused_before_the_due_date_has_passed()
    {
        var run = new WorkflowDriver(Definitions.Shipped("wil-niet"));
        run.Facts = run.Facts with { DaysPastDue = 0 };

        run.Start();

        Assert.True(run.Last!.Refused);
        Assert.Equal("nog-niet-vervallen", run.Last.Error!.Code);
        Assert.Equal(WorkflowStatus.NotStarted, run.State.Status);
        Assert.Empty(run.Effects);
    }

    [Fact]
    public void Second_start_is_refused_and_changes_nothing()
    {
        var run = new WorkflowDriver(Definitions.Shipped("wil-niet")).Start();
        var before = run.State;

        run.Start();

        Assert.True(run.Last!.Refused);
        Assert.Same(before, run.State);
    }

    [Fact]
    public void Timer_before_the_wake_up_date_is_refused()
    {
        var run = new WorkflowDriver(Definitions.Shipped("wil-niet")).Start().Days(13);

        run.Advance(new WorkflowTrigger.TimerDue());

        Assert.Equal("te-vroeg", run.Last!.Error!.Code);
        Assert.Equal("wacht-na-aanmaning", run.State.CurrentStepId);
        Assert.Single(run.Letters);
    }

    [Fact]
    public void Trigger_the_step_does_not_wait_for_is_refused()
    {
        var run = new WorkflowDriver(Definitions.Shipped("wil-niet")).Start();

        run.Task("bereikt");
        Assert.Equal("trigger-past-niet", run.Last!.Error!.Code);
        Assert.Equal("De workflow wacht niet op een afgeronde taak (bereikt); status: wacht op een datum.", run.Last.Error.Message);

        run.Bailiff(BailiffOutcome.Paid);
        Assert.True(run.Last.Refused);
        Assert.Equal(WorkflowStatus.Waiting, run.State.Status);
    }

    [Fact]
    public void Unknown_target_at_run_time_fails_naming_the_step()
    {
        var run = new WorkflowDriver(Definitions.Build("""{ "a": { "type": "letter", "template": "herinnering", "next": "weg" } }""", "a"));

        run.Start();

        Assert.Equal("Stap 'a' verwijst naar stap 'weg', die niet bestaat.", run.Last!.Error!.Message);
        Assert.Equal(WorkflowStatus.Failed, run.State.Status);
    }

    [Fact]
    public void Missing_start_step_at_run_time_fails_instead_of_crashing()
    {
        var run = new WorkflowDriver(Definitions.Build("""{ "a": { "type": "end", "outcome": "betaald" } }""", "begin"));

        run.Start();

        Assert.Equal("Stap 'begin' bestaat niet in deze versie van de workflow.", run.Last!.Error!.Message);
        Assert.Equal(WorkflowStatus.Failed, run.State.Status);
    }

    [Fact]
    public void State_of_another_version_is_rejected()
    {
        var engine = new WorkflowEngine(new WeekendsOnlyWorkingDays());
        var state = WorkflowInstanceState.New(Definitions.Shipped("wil-niet", version: 1));

        Assert.Throws<ArgumentException>(() =>
            engine.Advance(Definitions.Shipped("wil-niet", version: 2), state, new CaseFacts { DaysPastDue = 3 }, WorkflowDriver.Monday, new WorkflowTrigger.Start()));
    }

    [Fact]
    public void Engine_changes_nothing_it_was_given()
    {
        var definition = Definitions.Shipped("wil-niet");
        var state = WorkflowInstanceState.New(definition);
        var engine = new WorkflowEngine(new WeekendsOnlyWorkingDays());

        var first = engine.Advance(definition, state, new CaseFacts { DaysPastDue = 3 }, WorkflowDriver.Monday, new WorkflowTrigger.Start());
        var second = engine.Advance(definition, state, new CaseFacts { DaysPastDue = 3 }, WorkflowDriver.Monday, new WorkflowTrigger.Start());

        Assert.Equal(WorkflowStatus.NotStarted, state.Status);
        Assert.Equal(first.State, second.State);
        Assert.Equal(first.Effects, second.Effects);
    }
}
