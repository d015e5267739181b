using System.Text.Json.Nodes;
using Invordering.Workflows;
using Invordering.Workflows.Tests.Support;

namespace Invordering.Workflows.Tests;

public sealed class ValidatorTests
{
    private static IReadOnlyList<ValidationError> Validate(WorkflowDefinition definition) => new WorkflowValidator().Validate(definition);

    private static ValidationError Single(WorkflowDefinition definition, string code) =>
        Assert.Single(Validate(definition), e => e.Code == code);

    private const string End = """ "klaar": { "type": "end", "outcome": "betaald" } """;

    [Fact]
    public void Unknown_target_names_the_step_and_the_outcome()
    {
        var definition = Definitions.Build($$"""{ "a": { "type": "wait", "days": 1, "kind": "calendar", "next": "nergens" }, {{End}} }""", "a");

        var error = Single(definition, "onbekend-doel");

        Assert.Equal("a", error.StepId);
        Assert.Equal("Stap 'a': uitkomst 'next' verwijst naar stap 'nergens', die niet bestaat.", error.Message);
    }

    [Fact]
    public void Unreachable_step_is_reported()
    {
        var definition = Definitions.Build($$"""{ "a": { "type": "end", "outcome": "betaald" }, {{End}} }""", "a");

        Assert.Equal("Stap 'klaar': deze stap is vanaf de start niet te bereiken.", Single(definition, "onbereikbaar").Message);
    }

    [Fact]
    public void Missing_start_is_reported()
    {
        var definition = Definitions.Build($$"""{ {{End}} }""", "begin");

        Assert.Equal("De startstap 'begin' bestaat niet.", Single(definition, "start-ontbreekt").Message);
    }

    [Fact]
    public void Cycle_without_a_wait_is_refused()
    {
        var definition = Definitions.Build($$"""
            { "a": { "type": "decision", "branches": [ { "when": { "fact": "openAmount", "op": ">", "value": 0 }, "target": "b" } ], "otherwise": "klaar" },
              "b": { "type": "letter", "template": "herinnering", "next": "a" },
              {{End}} }
            """, "a");

        var error = Single(definition, "lus-zonder-wachten");

        Assert.Equal("a", error.StepId);
        Assert.Contains("a, b", error.Message);
    }

    [Fact]
    public void Cycle_with_a_wait_is_allowed()
    {
        var definition = Definitions.Build($$"""
            { "a": { "type": "decision", "branches": [ { "when": { "fact": "openAmount", "op": ">", "value": 0 }, "target": "b" } ], "otherwise": "klaar" },
              "b": { "type": "wait", "days": 30, "kind": "calendar", "next": "a" },
              {{End}} }
            """, "a");

        Assert.Empty(Validate(definition));
    }

    [Fact]
    public void Self_loop_of_a_letter_is_refused()
    {
        var definition = Definitions.Build("""{ "a": { "type": "letter", "template": "herinnering", "next": "a" } }""", "a");

        Assert.Equal("a", Single(definition, "lus-zonder-wachten").StepId);
    }

    [Theory]
    [InlineData("""{ "fact": "schoenmaat", "op": ">", "value": 42 }""", "onbekend-feit", "feit 'schoenmaat' bestaat niet")]
    [InlineData("""{ "fact": "hasPhoneNumber", "op": ">", "value": true }""", "ongeldige-vergelijking", "alleen met == of !=")]
    [InlineData("""{ "fact": "openAmount", "op": ">=", "value": "veel" }""", "verkeerd-type", "de waarde 'veel' past daar niet bij")]
    [InlineData("""{ "not": { "any": [ { "fact": "segment", "op": "==", "value": 3 } ] } }""", "verkeerd-type", "feit 'segment'")]
    public void Decision_facts_must_be_in_the_catalogue_with_fitting_operator_and_value(string condition, string code, string expected)
    {
        var definition = Definitions.Build($$"""
            { "d": { "type": "decision", "branches": [ { "when": {{condition}}, "target": "klaar" } ], "otherwise": "klaar" }, {{End}} }
            """, "d");

        var error = Single(definition, code);

        Assert.Equal("d", error.StepId);
        Assert.StartsWith("Stap 'd': ", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Dwangbevel_seven_days_after_the_aanmaning_is_refused_with_the_days_on_that_path()
    {
        var definition = Definitions.ShippedWith("wil-niet", json => json["steps"]!["wacht-na-aanmaning"]!["days"] = 7);

        var error = Single(definition, "dwangbevel-te-vroeg");

        Assert.Equal("dwangbevel", error.StepId);
        Assert.Equal(
            "Stap 'dwangbevel': een dwangbevel mag pas 14 dagen na de aanmaning; op dit pad zitten er maar 7 dagen tussen.",
            error.Message);
    }

    [Fact]
    public void Dwangbevel_is_checked_on_every_path_and_the_shortest_path_counts()
    {
        var definition = Definitions.Build($$"""
            { "aanmaning": { "type": "letter", "template": "aanmaning", "cost": "aanmaning", "payWithinDays": 14, "next": "keuze" },
              "keuze": { "type": "decision", "branches": [ { "when": { "fact": "openAmount", "op": ">=", "value": 45400 }, "target": "lang" } ], "otherwise": "kort" },
              "lang": { "type": "wait", "days": 21, "kind": "calendar", "next": "dwangbevel" },
              "kort": { "type": "wait", "days": 9, "kind": "working", "next": "dwangbevel" },
              "dwangbevel": { "type": "letter", "template": "dwangbevel", "cost": "dwangbevel", "payWithinDays": 2, "next": "klaar" },
              {{End}} }
            """, "aanmaning");

        Assert.Contains("op dit pad zitten er maar 11 dagen tussen", Single(definition, "dwangbevel-te-vroeg").Message);
    }

    [Fact]
    public void Ten_working_days_count_as_fourteen_calendar_days()
    {
        var definition = Definitions.ShippedWith("wil-niet", json =>
        {
            json["steps"]!["wacht-na-aanmaning"]!["days"] = 10;
            json["steps"]!["wacht-na-aanmaning"]!["kind"] = "working";
        });

        Assert.Empty(Validate(definition));
    }

    [Fact]
    public void Dwangbevel_without_an_aanmaning_on_some_path_is_refused()
    {
        var definition = Definitions.Build($$"""
            { "keuze": { "type": "decision", "branches": [ { "when": { "fact": "previousWrits", "op": ">", "value": 0 }, "target": "dwangbevel" } ], "otherwise": "aanmaning" },
              "aanmaning": { "type": "letter", "template": "aanmaning", "cost": "aanmaning", "payWithinDays": 14, "next": "wacht" },
              "wacht": { "type": "wait", "days": 14, "kind": "calendar", "next": "dwangbevel" },
              "dwangbevel": { "type": "letter", "template": "dwangbevel", "cost": "dwangbevel", "payWithinDays": 2, "next": "klaar" },
              {{End}} }
            """, "keuze");

        Assert.Equal(
            "Stap 'dwangbevel': een dwangbevel mag alleen na een aanmaning; op een pad hiernaartoe zit geen aanmaning.",
            Single(definition, "dwangbevel-zonder-aanmaning").Message);
    }

    [Fact]
    public void Hernieuwd_bevel_without_a_dwangbevel_on_every_path_is_refused()
    {
        var definition = Definitions.ShippedWith("wil-niet", json =>
        {
            json["steps"]!["wacht-na-aanmaning"]!["next"] = "keuze";
            json["steps"]!["keuze"] = JsonNode.Parse("""
                { "type": "decision", "branches": [ { "when": { "fact": "openAmount", "op": ">", "value": 100000 }, "target": "hernieuwd-bevel" } ],
                  "otherwise": "dwangbevel" }
                """);
        });

        var error = Single(definition, "hernieuwd-bevel-zonder-dwangbevel");

        Assert.Equal("hernieuwd-bevel", error.StepId);
        Assert.StartsWith("Stap 'hernieuwd-bevel': een hernieuwd bevel mag alleen na een dwangbevel", error.Message);
    }

    [Fact]
    public void Aanmaning_behind_a_branch_for_claims_not_yet_due_is_refused()
    {
        var definition = Definitions.ShippedWith("kan-en-wil", json =>
        {
            json["start"] = "vervallen";
            json["steps"]!["vervallen"] = JsonNode.Parse("""
                { "type": "decision", "branches": [ { "when": { "not": { "fact": "daysPastDue", "op": ">", "value": 0 } }, "target": "aanmaning" } ],
                  "otherwise": "herinnering" }
                """);
        });

        var error = Single(definition, "aanmaning-voor-vervaldatum");

        Assert.Equal("aanmaning", error.StepId);
        Assert.StartsWith("Stap 'aanmaning': een aanmaning mag pas na de vervaldatum, maar beslissing 'vervallen'", error.Message);
    }

    [Fact]
    public void Branch_for_claims_long_past_due_may_lead_to_an_aanmaning()
    {
        var definition = Definitions.ShippedWith("kan-en-wil", json =>
        {
            json["start"] = "vervallen";
            json["steps"]!["vervallen"] = JsonNode.Parse("""
                { "type": "decision", "branches": [ { "when": { "fact": "daysPastDue", "op": ">", "value": 60 }, "target": "aanmaning" } ],
                  "otherwise": "herinnering" }
                """);
        });

        Assert.Empty(Validate(definition));
    }

    [Fact]
    public void Kan_niet_letter_with_costs_needs_a_cost_reason()
    {
        WorkflowDefinition WithCost(string? reason) => Definitions.ShippedWith("kan-niet", json =>
        {
            var letter = json["steps"]!["brief-niet-bereikt"]!;
            letter["cost"] = "aanmaning";
            letter["payWithinDays"] = 14;
            if (reason is not null)
            {
                letter["costReason"] = reason;
            }
        });

        var error = Single(WithCost(null), "kosten-bij-kan-niet");

        Assert.Equal("Stap 'brief-niet-bereikt': in een kan-niet-workflow rekent een brief geen kosten, tenzij de stap een reden geeft (costReason).", error.Message);
        Assert.DoesNotContain(Validate(WithCost("Ondernemer met vermogen, besloten door teamleider.")), e => e.Code == "kosten-bij-kan-niet");
    }

    [Fact]
    public void Letter_parameters_are_checked()
    {
        var definition = Definitions.Build($$"""
            { "a": { "type": "letter", "template": "brief-die-niet-bestaat", "next": "b" },
              "b": { "type": "letter", "template": "aanmaning", "cost": "aanmaning", "next": "klaar" },
              {{End}} }
            """, "a");

        var errors = Validate(definition);

        Assert.StartsWith("Stap 'a': briefsjabloon 'brief-die-niet-bestaat' bestaat niet", Assert.Single(errors, e => e.Code == "onbekende-brief").Message);
        Assert.Equal("b", Assert.Single(errors, e => e.Code == "betaaltermijn-ontbreekt").StepId);
    }

    [Fact]
    public void Validator_accepts_the_template_codes_it_is_given()
    {
        var definition = Definitions.Build($$"""{ "a": { "type": "letter", "template": "nieuwe-brief", "next": "klaar" }, {{End}} }""", "a");

        Assert.Empty(new WorkflowValidator([.. LetterTemplateCodes.Shipped, "nieuwe-brief"]).Validate(definition));
    }

    [Fact]
    public void Step_parameter_checks_cover_waits_tasks_switches_and_decisions()
    {
        var definition = Definitions.Build($$"""
            { "wacht": { "type": "wait", "days": 0, "kind": "calendar", "next": "taak" },
              "taak": { "type": "task", "kind": "telefoon", "dueWithinWorkingDays": 2,
                        "outcomes": [ { "name": "x", "target": "wissel" }, { "name": "x", "target": "klaar" } ] },
              "wissel": { "type": "switch", "workflow": "kan-niet", "segment": "kan-niet" },
              "keuze": { "type": "decision", "branches": [], "otherwise": "klaar" },
              {{End}} }
            """, "wacht");

        var codes = Validate(definition).Where(e => e.Code != "onbereikbaar").Select(e => (e.StepId, e.Code)).ToList();

        Assert.Equal(
            [("wacht", "ongeldige-termijn"), ("taak", "dubbele-uitkomst"), ("wissel", "switch-doel"), ("keuze", "geen-takken")],
            codes);
    }

    [Fact]
    public void Step_ids_must_be_slugs()
    {
        var definition = Definitions.Build("""{ "Stap Een": { "type": "end", "outcome": "betaald" } }""", "Stap Een");

        Assert.Equal("Stap Een", Single(definition, "ongeldige-stap-id").StepId);
    }

    [Fact]
    public void Unknown_segment_is_refused()
    {
        var definition = Definitions.Build($$"""{ {{End}} }""", "klaar", segment: "wil-misschien");

        Assert.StartsWith("Segment 'wil-misschien' bestaat niet", Single(definition, "onbekend-segment").Message);
    }

    [Theory]
    [InlineData("""{ "vakantie": { "action": "pause", "hold": "x" } }""", "onbekende-gebeurtenis", "Gebeurtenis 'vakantie': bestaat niet")]
    [InlineData("""{ "hervat": { "action": "resume", "hold": "medewerker" } }""", "onbekende-pauze", "pauze 'medewerker' wordt door geen enkele gebeurtenis gezet")]
    [InlineData("""{ "stop": { "action": "end" } }""", "uitkomst", "end noemt de uitkomst")]
    [InlineData("""{ "pauze": { "action": "pause" } }""", "pauze-naam", "pause en resume noemen de pauze")]
    [InlineData("""{ "kwijtschelding-besloten": { "action": "end", "outcome": "kwijtschelding" } }""", "resultaat-ontbreekt", "geef per resultaat een reactie")]
    [InlineData("""{ "kwijtschelding-besloten": { "byResult": { "toegekend": { "action": "end", "outcome": "kwijtschelding" } } } }""", "resultaat-zonder-reactie", "resultaat 'afgewezen'")]
    [InlineData("""{ "betaling-deels": { "action": "continue", "letter": "bestaat-niet" } }""", "onbekende-brief", "briefsjabloon 'bestaat-niet'")]
    [InlineData("""{ "stop": { "action": "end", "outcome": "gestopt", "byResult": {} } }""", "ongeldige-afhandeling", "óf een action óf byResult")]
    public void Event_handlers_are_checked(string events, string code, string expected)
    {
        var definition = Definitions.Build($$"""{ {{End}} }""", "klaar", events: events);

        var error = Single(definition, code);

        Assert.Null(error.StepId);
        Assert.Contains(expected, error.Message);
    }
}
