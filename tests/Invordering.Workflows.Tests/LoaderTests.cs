using Invordering.Workflows;
using Invordering.Workflows.Tests.Support;

namespace Invordering.Workflows.Tests;

public sealed class LoaderTests
{
    private static IReadOnlyList<ValidationError> LoadErrors(string json) =>
        Assert.Throws<WorkflowDefinitionException>(() => Definitions.Loader.Load(json, 1)).Errors;

    [Fact]
    public void Loads_typed_steps_and_takes_the_version_from_the_store()
    {
        var definition = Definitions.Shipped("wil-niet", version: 7);

        Assert.Equal(7, definition.Version);
        Assert.Equal("aanmaning", definition.StartStepId);
        var letter = Assert.IsType<LetterStep>(definition.Steps["dwangbevel"]);
        Assert.Equal(CostKind.Writ, letter.Cost);
        Assert.Equal(2, letter.PayWithinDays);
        var wait = Assert.IsType<WaitStep>(definition.Steps["wacht-na-dwangbevel"]);
        Assert.Equal(WaitKind.Working, wait.Kind);
        Assert.Equal("hernieuwd-bevel", wait.Next);
        Assert.IsType<HandoffStep>(definition.Steps["beslag"]);
        Assert.Equal(EventAction.Pause, definition.Events["regeling-afgesproken"].Action);
        Assert.Equal(CaseOutcome.Remission, definition.Events["kwijtschelding-besloten"].For("toegekend")!.Outcome);
    }

    [Fact]
    public void Keeps_the_steps_in_file_order()
    {
        var definition = Definitions.Shipped("kan-en-wil");

        Assert.Equal(["herinnering", "wacht-na-herinnering", "aanmaning"], definition.Steps.Keys.Take(3));
    }

    [Fact]
    public void Unknown_step_property_is_an_error_naming_the_step()
    {
        var errors = LoadErrors(Definitions.Json("""
            { "a": { "type": "wait", "days": 3, "kind": "calendar", "next": "b", "dayz": 4 },
              "b": { "type": "end", "outcome": "betaald" } }
            """, "a"));

        var error = Assert.Single(errors);
        Assert.Equal("a", error.StepId);
        Assert.Equal("onbekend-veld", error.Code);
        Assert.StartsWith("Stap 'a': onbekend veld 'dayz'", error.Message);
    }

    [Fact]
    public void Unknown_step_type_is_an_error_naming_the_step_and_the_known_types()
    {
        var errors = LoadErrors(Definitions.Json("""{ "a": { "type": "email", "next": "a" } }""", "a"));

        var error = Assert.Single(errors);
        Assert.Equal("onbekend-staptype", error.Code);
        Assert.Contains("Stap 'a': onbekend staptype 'email'", error.Message);
        Assert.Contains("letter, wait, decision, task, handoff, switch, end", error.Message);
    }

    [Fact]
    public void Missing_required_parameter_and_missing_type_are_reported_together()
    {
        var errors = LoadErrors(Definitions.Json("""
            { "a": { "type": "letter", "next": "b" },
              "b": { "outcome": "betaald" } }
            """, "a"));

        Assert.Equal(["Stap 'a': verplicht veld 'template' ontbreekt.", "Stap 'b': het veld 'type' ontbreekt."], errors.Select(e => e.Message));
    }

    [Fact]
    public void Unknown_enum_value_is_an_error_naming_the_field()
    {
        var errors = LoadErrors(Definitions.Json("""{ "a": { "type": "end", "outcome": "vergeten" } }""", "a"));

        Assert.Equal("Stap 'a': veld 'outcome' heeft een ongeldige waarde.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Value_of_the_wrong_kind_is_an_error_naming_the_field()
    {
        var errors = LoadErrors(Definitions.Json("""{ "a": { "type": "wait", "days": "veertien", "kind": "calendar", "next": "a" } }""", "a"));

        Assert.Equal("Stap 'a': veld 'days' heeft een ongeldige waarde.", Assert.Single(errors).Message);
    }

    [Fact]
    public void Unknown_property_inside_a_task_outcome_is_an_error()
    {
        var errors = LoadErrors(Definitions.Json("""
            { "a": { "type": "task", "kind": "telefoon", "dueWithinWorkingDays": 2,
                     "outcomes": [ { "name": "x", "target": "a", "kleur": "rood" } ] } }
            """, "a"));

        Assert.Contains("outcomes[0]", Assert.Single(errors).Message);
    }

    [Fact]
    public void Malformed_condition_is_an_error_with_a_dutch_explanation()
    {
        var errors = LoadErrors(Definitions.Json("""
            { "a": { "type": "decision", "branches": [ { "when": { "fact": "openAmount", "op": "~", "value": 1 }, "target": "b" } ],
                     "otherwise": "b" },
              "b": { "type": "end", "outcome": "betaald" } }
            """, "a"));

        var message = Assert.Single(errors).Message;
        Assert.StartsWith("Stap 'a': veld 'branches[0].when' heeft een ongeldige waarde.", message);
        Assert.Contains("Onbekende vergelijking '~'", message);
    }

    [Fact]
    public void Condition_with_extra_keys_is_refused()
    {
        var errors = LoadErrors(Definitions.Json("""
            { "a": { "type": "decision", "branches": [ { "when": { "all": [ { "fact": "openAmount", "op": ">", "value": 1 } ], "any": [] }, "target": "b" } ],
                     "otherwise": "b" },
              "b": { "type": "end", "outcome": "betaald" } }
            """, "a"));

        Assert.Contains("gevonden: all, any", Assert.Single(errors).Message);
    }

    [Fact]
    public void Version_in_the_file_is_refused_because_the_store_sets_it()
    {
        var json = Definitions.Json("""{ "a": { "type": "end", "outcome": "betaald" } }""", "a").Replace("\"id\":", "\"version\": 3, \"id\":");

        var error = Assert.Single(LoadErrors(json));

        Assert.Null(error.StepId);
        Assert.StartsWith("onbekend veld 'version'", error.Message);
    }

    [Fact]
    public void Duplicate_step_id_is_refused()
    {
        var errors = LoadErrors(Definitions.Json("""
            { "a": { "type": "end", "outcome": "betaald" }, "a": { "type": "end", "outcome": "gestopt" } }
            """, "a"));

        var error = Assert.Single(errors);
        Assert.Equal("dubbele-stap", error.Code);
        Assert.Equal("Stap 'a': deze stap-id staat er meer dan eens.", error.Message);
    }

    [Fact]
    public void Duplicate_field_deeper_in_the_file_is_refused()
    {
        var errors = LoadErrors(Definitions.Json("""
            { "a": { "type": "handoff", "outcomes": { "betaald": "b", "betaald": "a", "deels-betaald": "b", "niets-te-halen": "b" } },
              "b": { "type": "end", "outcome": "betaald" } }
            """, "a"));

        Assert.Equal("Veld 'betaald' staat er meer dan eens (in 'steps.a.outcomes').", Assert.Single(errors).Message);
    }

    [Fact]
    public void Invalid_json_is_reported_with_its_line()
    {
        var error = Assert.Single(LoadErrors("{\n  \"id\": \"x\",\n  oops\n}"));

        Assert.Equal("geen-json", error.Code);
        Assert.Contains("regel 3", error.Message);
    }

    [Fact]
    public void Decimal_amount_in_a_condition_is_refused_because_amounts_are_cents()
    {
        var errors = LoadErrors(Definitions.Json("""
            { "a": { "type": "decision", "branches": [ { "when": { "fact": "openAmount", "op": ">=", "value": 454.5 }, "target": "b" } ],
                     "otherwise": "b" },
              "b": { "type": "end", "outcome": "betaald" } }
            """, "a"));

        Assert.Contains("geheel getal", Assert.Single(errors).Message);
    }

    [Fact]
    public void Unknown_event_handler_property_is_refused_naming_the_event()
    {
        var errors = LoadErrors(Definitions.Json(
            """{ "a": { "type": "end", "outcome": "betaald" } }""", "a",
            events: """{ "stop": { "action": "end", "outcome": "gestopt", "reden": "x" } }"""));

        Assert.StartsWith("Gebeurtenis 'stop': onbekend veld 'reden'", Assert.Single(errors).Message);
    }

    [Fact]
    public void Registry_reports_the_parameter_names_of_each_step_type()
    {
        var registry = StepTypeRegistry.CreateDefault();

        Assert.Equal(
            ["cost", "costReason", "next", "payWithinDays", "template", "title"],
            registry.ParameterNames("letter").Order());
        Assert.Equal(["days", "kind", "next", "title"], registry.ParameterNames("wait").Order());
        Assert.Equal("handoff", registry.NameOf(new HandoffStep { Outcomes = new BailiffOutcomes { Paid = "a", PartlyPaid = "a", NothingToCollect = "a" } }));
        Assert.Throws<InvalidOperationException>(() => registry.Register<EndStep>("end"));
    }
}
