using System.Text.Json.Nodes;
using Invordering.Infrastructure.Workflows;
using Invordering.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Infrastructure.Tests.Workflows;

/// <summary>
/// The administrators' workflow versions on a real database: saving a draft, publishing (the version before is
/// retired; new cases start on the new one, running cases stay), retiring, export and import, and moving running
/// cases along a step mapping with a dry run first. Every change leaves an audit row.
/// </summary>
public sealed class WorkflowVersionsTests : IAsyncLifetime
{
    private const string Admin = "beheerder@test.invordering.nl";
    private static readonly DateOnly Day = new(2024, 3, 4);

    private readonly CaseWorld _world = new();
    private AsyncServiceScope _scope;

    public async Task InitializeAsync()
    {
        await _world.InitializeAsync();
        _scope = _world.Host.Services.CreateAsyncScope();
    }

    public async Task DisposeAsync()
    {
        await _scope.DisposeAsync();
        await _world.DisposeAsync();
    }

    private WorkflowVersions Versions => _scope.ServiceProvider.GetRequiredService<WorkflowVersions>();

    private CaseMigration Migration => _scope.ServiceProvider.GetRequiredService<CaseMigration>();

    private async Task<string> JsonOfAsync(string workflowId, int version) =>
        (await Versions.FindAsync(workflowId, version, CancellationToken.None))!.Record.Definition;

    /// <summary>The definition with step <paramref name="stepId"/>'s wait set to <paramref name="days"/>.</summary>
    private static string WithWait(string json, string stepId, int days)
    {
        var step = WorkflowDocument.Step(json, stepId)!;
        step["days"] = days;
        return WorkflowDocument.WithStep(json, stepId, (JsonObject)step.DeepClone());
    }

    private Task<long> AuditAsync(string action, string entityId) =>
        _world.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE actor = @actor AND action = @action AND entity_id = @id",
            ("actor", Admin), ("action", action), ("id", entityId));

    [Fact]
    public async Task The_definition_store_reads_a_draft_anew_after_each_save_and_keeps_a_published_version_once_read()
    {
        var store = _world.Host.Services.GetRequiredService<DefinitionStore>();
        var v1 = await JsonOfAsync("kan-en-wil", 1);
        var draft = await Versions.SaveDraftAsync("kan-en-wil", 1, WithWait(v1, "wacht-na-herinnering", 10), Admin, CancellationToken.None);
        var draftId = (await store.VersionsAsync("kan-en-wil", CancellationToken.None)).Single(v => v.Version == draft.Version).Id;
        Assert.Equal(10, ((WaitStep)(await store.GetAsync(draftId, CancellationToken.None)).Steps["wacht-na-herinnering"]).Days);

        await Versions.SaveDraftAsync("kan-en-wil", draft.Version, WithWait(v1, "wacht-na-herinnering", 12), Admin, CancellationToken.None);

        // What a simulation of the draft runs is what the administrator saved last.
        Assert.Equal(12, ((WaitStep)(await store.GetAsync(draftId, CancellationToken.None)).Steps["wacht-na-herinnering"]).Days);
    }

    [Fact]
    public async Task A_draft_is_saved_into_one_version_and_a_file_that_does_not_load_is_refused_with_nothing_stored()
    {
        var v1 = await JsonOfAsync("kan-en-wil", 1);
        var draft = await Versions.SaveDraftAsync("kan-en-wil", 1, WithWait(v1, "wacht-na-herinnering", 10), Admin, CancellationToken.None);
        Assert.Equal((2, "draft"), (draft.Version, draft.Status));
        var again = await Versions.SaveDraftAsync("kan-en-wil", 2, WithWait(v1, "wacht-na-herinnering", 11), Admin, CancellationToken.None);
        Assert.Equal(2, again.Version);
        Assert.Equal(11, ((WaitStep)(await Versions.FindAsync("kan-en-wil", 2, CancellationToken.None))!.Definition.Steps["wacht-na-herinnering"]).Days);

        var elsewhere = await Assert.ThrowsAsync<WorkflowVersionException>(() =>
            Versions.SaveDraftAsync("kan-en-wil", 1, v1, Admin, CancellationToken.None));
        Assert.Contains("al een concept (versie 2)", elsewhere.Message);
        var broken = await Assert.ThrowsAsync<WorkflowDefinitionException>(() =>
            Versions.SaveDraftAsync("kan-en-wil", 2, v1.Replace("\"days\": 14", "\"days\": \"veertien\""), Admin, CancellationToken.None));
        Assert.Contains(broken.Errors, e => e.StepId == "wacht-na-herinnering" && e.Message.Contains("ongeldige waarde"));
        Assert.Equal(11, ((WaitStep)(await Versions.FindAsync("kan-en-wil", 2, CancellationToken.None))!.Definition.Steps["wacht-na-herinnering"]).Days);
        Assert.Equal(2, await _world.ScalarAsync<long>("SELECT count(*) FROM workflow_definitions WHERE workflow_id = 'kan-en-wil'"));
        Assert.Equal(1, await AuditAsync("workflow-draft-created", "kan-en-wil/2"));
        Assert.Equal(1, await AuditAsync("workflow-draft-saved", "kan-en-wil/2"));
    }

    [Fact]
    public async Task Publishing_refuses_a_dwangbevel_7_days_after_the_aanmaning_and_otherwise_retires_the_version_before()
    {
        var v1 = await JsonOfAsync("wil-niet", 1);
        await Versions.SaveDraftAsync("wil-niet", 1, WithWait(v1, "wacht-na-aanmaning", 7), Admin, CancellationToken.None);
        var draft = await Versions.FindAsync("wil-niet", 2, CancellationToken.None);
        var problem = Assert.Single(draft!.Problems);
        Assert.Equal(("dwangbevel", "dwangbevel-te-vroeg"), (problem.StepId, problem.Code));
        Assert.Contains("maar 7 dagen", problem.Message);
        await Assert.ThrowsAsync<WorkflowDefinitionException>(() => Versions.PublishAsync("wil-niet", 2, Admin, CancellationToken.None));
        Assert.Equal("draft", await _world.ScalarAsync<string>("SELECT status FROM workflow_definitions WHERE workflow_id = 'wil-niet' AND version = 2"));

        // A case running on version 1 before the change.
        var before = await _world.AddOverdueAssessmentAsync(100_00, Day.AddDays(-1));
        await _world.RunDayAsync(Day);

        await Versions.SaveDraftAsync("wil-niet", 2, WithWait(v1, "wacht-na-aanmaning", 21), Admin, CancellationToken.None);
        var published = await Versions.PublishAsync("wil-niet", 2, Admin, CancellationToken.None);
        Assert.Equal(("published", Admin), (published.Status, published.PublishedBy));
        Assert.Equal("retired|" + Admin, await _world.ScalarAsync<string>(
            "SELECT status || '|' || retired_by FROM workflow_definitions WHERE workflow_id = 'wil-niet' AND version = 1 AND retired_at IS NOT NULL"));
        Assert.Equal(1, await AuditAsync("workflow-published", "wil-niet/2"));

        var after = await _world.AddOverdueAssessmentAsync(100_00, Day);
        await _world.RunDayAsync(Day.AddDays(1));
        const string VersionAndWake =
            """
            SELECT d.version || ' ' || i.wake_on FROM workflow_instances i JOIN workflow_definitions d ON d.id = i.definition_id
            JOIN collection_cases c ON c.id = i.case_id WHERE c.assessment_id = @a
            """;
        Assert.Equal($"1 {Day.AddDays(14):yyyy-MM-dd}", await _world.ScalarAsync<string>(VersionAndWake, ("a", before)));
        Assert.Equal($"2 {Day.AddDays(1 + 21):yyyy-MM-dd}", await _world.ScalarAsync<string>(VersionAndWake, ("a", after)));
    }

    [Fact]
    public async Task The_only_published_version_of_a_segment_cannot_be_retired()
    {
        var refused = await Assert.ThrowsAsync<WorkflowVersionException>(() => Versions.RetireAsync("kan-niet", 1, Admin, CancellationToken.None));
        Assert.Contains("enige gepubliceerde workflow voor klantgroep 'kan-niet'", refused.Message);
        Assert.Equal("published", await _world.ScalarAsync<string>("SELECT status FROM workflow_definitions WHERE workflow_id = 'kan-niet'"));

        // A second workflow for the segment, published: then the first may go.
        var copy = JsonNode.Parse(await JsonOfAsync("kan-niet", 1))!.AsObject();
        copy["id"] = "kan-niet-proef";
        await Versions.ImportAsync(copy.ToJsonString(), "kan-niet-proef.json", Admin, CancellationToken.None);
        await Versions.PublishAsync("kan-niet-proef", 1, Admin, CancellationToken.None);
        var retired = await Versions.RetireAsync("kan-niet", 1, Admin, CancellationToken.None);
        Assert.Equal(("retired", Admin), (retired.Status, retired.RetiredBy));
        Assert.Equal(1, await AuditAsync("workflow-retired", "kan-niet/1"));
    }

    [Fact]
    public async Task An_exported_version_imports_as_a_new_draft_and_an_invalid_file_stores_nothing()
    {
        var (name, json) = await Versions.ExportAsync("wil-niet", 1, Admin, CancellationToken.None);
        Assert.Equal("wil-niet-versie-1.json", name);
        Assert.StartsWith("{\n  \"$schema\": \"./workflow.schema.json\",\n  \"id\": \"wil-niet\"", json);
        Assert.Equal(1, await AuditAsync("workflow-exported", "wil-niet/1"));

        var imported = await Versions.ImportAsync(json, name, Admin, CancellationToken.None);
        Assert.Equal((2, "draft", Admin), (imported.Version, imported.Status, imported.CreatedBy));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(json), JsonNode.Parse(await JsonOfAsync("wil-niet", 2))));
        Assert.Equal(1, await AuditAsync("workflow-imported", "wil-niet/2"));

        var count = await _world.ScalarAsync<long>("SELECT count(*) FROM workflow_definitions");
        var notJson = await Assert.ThrowsAsync<WorkflowDefinitionException>(() =>
            Versions.ImportAsync("{ \"id\": ", "kapot.json", Admin, CancellationToken.None));
        Assert.StartsWith("Het bestand is geen geldige JSON", notJson.Errors[0].Message);
        var unknownType = await Assert.ThrowsAsync<WorkflowDefinitionException>(() =>
            Versions.ImportAsync(json.Replace("\"type\": \"handoff\"", "\"type\": \"deurwaarder\"").Replace("wil-niet\"", "wil-niet-2\""), "x.json", Admin,
                CancellationToken.None));
        Assert.Contains(unknownType.Errors, e => e.StepId == "beslag" && e.Message.Contains("onbekend staptype 'deurwaarder'"));
        Assert.Equal(count, await _world.ScalarAsync<long>("SELECT count(*) FROM workflow_definitions"));
    }

    [Fact]
    public async Task Running_cases_move_along_the_step_mapping_after_a_dry_run_with_their_timers_recomputed()
    {
        var entered = Day.AddDays(-3);
        var waiting = await _world.AddCaseAsync(100_00, new WorkflowInstanceState
        {
            DefinitionId = "wil-niet", DefinitionVersion = 1, CurrentStepId = "wacht-na-aanmaning", Status = WorkflowStatus.Waiting,
            WakeUp = entered.AddDays(14), StepEnteredOn = entered, LastDemandDate = entered,
        });
        var v1 = await JsonOfAsync("wil-niet", 1);
        var renamed = WorkflowDocument.WithoutStep(WithWait(v1, "wacht-na-aanmaning", 21), "wacht-na-aanmaning");
        var step = WorkflowDocument.Step(WithWait(v1, "wacht-na-aanmaning", 21), "wacht-na-aanmaning")!;
        renamed = WorkflowDocument.WithStep(renamed, "betaaltermijn-aanmaning", (JsonObject)step.DeepClone());
        var aanmaning = WorkflowDocument.Step(renamed, "aanmaning")!;
        aanmaning["next"] = "betaaltermijn-aanmaning";
        renamed = WorkflowDocument.WithStep(renamed, "aanmaning", (JsonObject)aanmaning.DeepClone());
        await Versions.SaveDraftAsync("wil-niet", 1, renamed, Admin, CancellationToken.None);
        await Versions.PublishAsync("wil-niet", 2, Admin, CancellationToken.None);

        Assert.Equal(new[] { new RunningStep("wacht-na-aanmaning", 1) }, await Migration.RunningStepsAsync("wil-niet", 1, CancellationToken.None));
        var unmapped = await Migration.DryRunAsync("wil-niet", 1, 2, new Dictionary<string, string>(), CancellationToken.None);
        Assert.Contains(unmapped.Errors, e => e.Code == "niet-gekoppeld" && e.StepId == "wacht-na-aanmaning");
        await Assert.ThrowsAsync<WorkflowVersionException>(() =>
            Migration.ApplyAsync("wil-niet", 1, 2, new Dictionary<string, string>(), Admin, CancellationToken.None));
        Assert.Equal(1, await _world.ScalarAsync<int>(
            "SELECT d.version FROM workflow_instances i JOIN workflow_definitions d ON d.id = i.definition_id WHERE i.case_id = @c", ("c", waiting)));

        var mapping = new Dictionary<string, string> { ["wacht-na-aanmaning"] = "betaaltermijn-aanmaning" };
        var report = await Migration.DryRunAsync("wil-niet", 1, 2, mapping, CancellationToken.None);
        Assert.True(report.CanApply);
        Assert.Equal(new[] { new StepMigration("wacht-na-aanmaning", "betaaltermijn-aanmaning", 1) }, report.Steps);
        var timer = Assert.Single(report.TimerChanges);
        Assert.Equal((entered.AddDays(14), entered.AddDays(21)), (timer.OldWakeUp, timer.NewWakeUp));

        Assert.Equal(1, await Migration.ApplyAsync("wil-niet", 1, 2, mapping, Admin, CancellationToken.None));
        Assert.Equal($"2 betaaltermijn-aanmaning {entered.AddDays(21):yyyy-MM-dd} 2", await _world.ScalarAsync<string>(
            """
            SELECT d.version || ' ' || i.current_step || ' ' || i.wake_on || ' ' || (i.state->>'definitionVersion')
            FROM workflow_instances i JOIN workflow_definitions d ON d.id = i.definition_id WHERE i.case_id = @c
            """, ("c", waiting)));
        Assert.Equal(1, await _world.ScalarAsync<long>(
            "SELECT count(*) FROM workflow_journal WHERE case_id = @c AND kind = 'migrated' AND actor = @a AND step_id = 'betaaltermijn-aanmaning'",
            ("c", waiting), ("a", Admin)));
        Assert.Equal(1, await AuditAsync("workflow-cases-migrated", "wil-niet/2"));
        Assert.Empty(await Migration.RunningStepsAsync("wil-niet", 1, CancellationToken.None));
    }
}
