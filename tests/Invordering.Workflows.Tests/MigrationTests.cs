using System.Text.Json.Nodes;
using Invordering.Workflows;
using Invordering.Workflows.Tests.Support;

namespace Invordering.Workflows.Tests;

public sealed class MigrationTests
{
    private static readonly MigrationPlanner Planner = new(new WeekendsOnlyWorkingDays());

    private static readonly WorkflowDefinition V1 = Definitions.Shipped("wil-niet", version: 1);

    /// <summary>Version 2: the wait after the aanmaning is renamed and lengthened to 21 days.</summary>
    private static readonly WorkflowDefinition V2 = Definitions.ShippedWith("wil-niet", json =>
    {
        var steps = json["steps"]!.AsObject();
        var wait = steps["wacht-na-aanmaning"]!.DeepClone();
        wait["days"] = 21;
        steps.Remove("wacht-na-aanmaning");
        steps["betaaltermijn-aanmaning"] = wait;
        steps["aanmaning"]!["next"] = "betaaltermijn-aanmaning";
    }, version: 2);

    private static readonly Dictionary<string, string> Mapping = new()
    {
        ["aanmaning"] = "aanmaning",
        ["wacht-na-aanmaning"] = "betaaltermijn-aanmaning",
        ["dwangbevel"] = "dwangbevel",
        ["wacht-na-dwangbevel"] = "wacht-na-dwangbevel",
        ["hernieuwd-bevel"] = "hernieuwd-bevel",
        ["wacht-na-hernieuwd-bevel"] = "wacht-na-hernieuwd-bevel",
        ["beslag"] = "beslag",
        ["oninbaar-beoordelen"] = "oninbaar-beoordelen",
    };

    private static RunningInstance Instance(WorkflowDriver run) => new(Guid.NewGuid(), run.State);

    /// <summary>Two waiting after the aanmaning (started on different days), one paused, one with the bailiff, one finished.</summary>
    private static List<RunningInstance> Population() =>
    [
        Instance(new WorkflowDriver(V1).Play("start")),
        Instance(new WorkflowDriver(V1).Play("days 3", "start")),
        Instance(new WorkflowDriver(V1).Play("start", "timer", "event regeling-afgesproken")),
        Instance(new WorkflowDriver(V1).Play("start", "timer", "timer", "timer")),
        Instance(new WorkflowDriver(V1).Play("start", "event betaling-volledig")),
    ];

    [Fact]
    public void Dry_run_reports_instances_per_step_and_the_timers_that_change_without_changing_anything()
    {
        var instances = Population();
        var before = instances.Select(i => i.State).ToList();

        var report = Planner.DryRun(new MigrationPlan(V1, V2, Mapping), instances);

        Assert.True(report.CanApply, string.Join(" ", report.Errors.Select(e => e.Message)));
        Assert.Equal(1, report.Skipped);
        Assert.Equal(
            [new StepMigration("wacht-na-aanmaning", "betaaltermijn-aanmaning", 2), new StepMigration("wacht-na-dwangbevel", "wacht-na-dwangbevel", 1), new StepMigration("beslag", "beslag", 1)],
            report.Steps);
        Assert.Equal(2, report.TimerChanges.Count);
        var first = report.TimerChanges[0];
        Assert.Equal((WorkflowDriver.Monday.AddDays(14), WorkflowDriver.Monday.AddDays(21)), (first.OldWakeUp, first.NewWakeUp));
        Assert.Equal(WorkflowDriver.Monday.AddDays(3 + 21), report.TimerChanges[1].NewWakeUp);
        Assert.Equal(before, instances.Select(i => i.State));
    }

    [Fact]
    public void Apply_moves_active_instances_to_the_new_version_and_they_run_on_it()
    {
        var instances = Population();

        var migrated = Planner.Apply(new MigrationPlan(V1, V2, Mapping), instances, WorkflowDriver.Monday.AddDays(5));

        Assert.Equal(4, migrated.Count);
        Assert.All(migrated, m => Assert.Equal(2, m.State.DefinitionVersion));
        Assert.All(migrated, m => Assert.Equal(JournalKind.Migrated, m.Journal.Kind));
        var waiting = migrated[0];
        Assert.Equal(instances[0].InstanceId, waiting.InstanceId);
        Assert.Equal("betaaltermijn-aanmaning", waiting.State.CurrentStepId);
        Assert.Equal(WorkflowDriver.Monday.AddDays(21), waiting.State.WakeUp);
        Assert.Equal(WorkflowDriver.Monday, waiting.State.LastDemandDate);
        Assert.Equal(
            "Overgezet van versie 1 naar versie 2. Stap 'wacht-na-aanmaning' wordt 'betaaltermijn-aanmaning'. Nieuwe wekdatum: 23-03-2026.",
            waiting.Journal.Reason);
        Assert.Equal(["regeling"], migrated[2].State.Holds);
        Assert.Equal("wacht-na-dwangbevel", migrated[2].State.CurrentStepId);

        var engine = new WorkflowEngine(new WeekendsOnlyWorkingDays());
        var next = engine.Advance(V2, waiting.State, new CaseFacts { DaysPastDue = 40 }, WorkflowDriver.Monday.AddDays(21), new WorkflowTrigger.TimerDue());
        Assert.Equal("dwangbevel", Assert.IsType<IssueLetterEffect>(next.Effects[0]).TemplateCode);
    }

    [Fact]
    public void Unmapped_step_with_running_instances_is_an_error_and_apply_refuses()
    {
        var mapping = new Dictionary<string, string>(Mapping);
        mapping.Remove("wacht-na-aanmaning");
        var plan = new MigrationPlan(V1, V2, mapping);

        var report = Planner.DryRun(plan, Population());

        var error = Assert.Single(report.Errors);
        Assert.Equal("niet-gekoppeld", error.Code);
        Assert.Equal("Stap 'wacht-na-aanmaning': 2 lopende zaken staan op deze stap, maar de koppeling noemt geen nieuwe stap.", error.Message);
        Assert.Contains(new StepMigration("wacht-na-aanmaning", null, 2), report.Steps);
        var refused = Assert.Throws<InvalidOperationException>(() => Planner.Apply(plan, Population(), WorkflowDriver.Monday));
        Assert.Contains(error.Message, refused.Message);
    }

    [Fact]
    public void Mapping_must_name_existing_steps_on_both_sides()
    {
        var mapping = new Dictionary<string, string>(Mapping) { ["bestaat-niet"] = "aanmaning", ["beslag"] = "weg" };

        var codes = Planner.DryRun(new MigrationPlan(V1, V2, mapping), []).Errors.Select(e => (e.StepId, e.Code));

        Assert.Equal([("beslag", "onbekend-doel"), ("bestaat-niet", "onbekende-bronstap")], codes.OrderBy(c => c.StepId));
    }

    [Fact]
    public void Waiting_instance_cannot_move_to_another_kind_of_step_but_a_paused_one_can()
    {
        var mapping = new Dictionary<string, string>(Mapping) { ["wacht-na-aanmaning"] = "dwangbevel", ["wacht-na-dwangbevel"] = "beslag" };

        var report = Planner.DryRun(new MigrationPlan(V1, V2, mapping), Population());

        var error = Assert.Single(report.Errors);
        Assert.Equal(("wacht-na-aanmaning", "ander-staptype"), (error.StepId, error.Code));
    }

    [Fact]
    public void Open_task_outcomes_must_still_exist()
    {
        var v2 = Definitions.ShippedWith("wil-niet", json =>
            json["steps"]!["oninbaar-beoordelen"]!["outcomes"]!.AsArray().RemoveAt(1), version: 2);
        var instances = new List<RunningInstance> { Instance(new WorkflowDriver(V1).Play("start", "timer", "timer", "timer", "bailiff niets-te-halen")) };
        var mapping = new Dictionary<string, string> { ["oninbaar-beoordelen"] = "oninbaar-beoordelen" };

        var error = Assert.Single(Planner.DryRun(new MigrationPlan(V1, v2, mapping), instances).Errors);

        Assert.Equal("Stap 'oninbaar-beoordelen': taakuitkomst 'sociaal-invorderen' bestaat niet in 'oninbaar-beoordelen'; open taken kunnen die uitkomst nog krijgen.", error.Message);
    }

    [Fact]
    public void Instances_of_another_version_or_workflow_block_the_plan()
    {
        var stray = Instance(new WorkflowDriver(Definitions.Shipped("wil-niet", version: 5)).Play("start"));

        var report = Planner.DryRun(new MigrationPlan(V1, V2, Mapping), [stray]);
        var other = Planner.DryRun(new MigrationPlan(V1, Definitions.Shipped("kan-niet", version: 2), new Dictionary<string, string>()), []);

        Assert.Equal("andere-versie", Assert.Single(report.Errors).Code);
        Assert.Equal("andere-workflow", Assert.Single(other.Errors).Code);
    }
}
