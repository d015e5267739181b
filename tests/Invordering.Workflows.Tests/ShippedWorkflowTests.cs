using Invordering.Workflows;
using Invordering.Workflows.Tests.Support;

namespace Invordering.Workflows.Tests;

public sealed class ShippedWorkflowTests
{
    [Theory]
    [InlineData("kan-en-wil")]
    [InlineData("wil-niet")]
    [InlineData("kan-niet")]
    public void Shipped_definition_passes_the_validator(string id)
    {
        var definition = Definitions.Shipped(id);

        var errors = new WorkflowValidator().Validate(definition);

        Assert.Empty(errors.Select(e => e.Message));
        Assert.Equal(id, definition.Id);
        Assert.Equal(id, definition.Segment);
    }

    [Theory]
    [InlineData("kan-en-wil")]
    [InlineData("wil-niet")]
    [InlineData("kan-niet")]
    public void Shipped_definition_ends_as_uncollectible_when_staff_write_the_claim_off_and_as_stopped_when_they_stop_it(string id)
    {
        var writtenOff = new WorkflowDriver(Definitions.Shipped(id));
        writtenOff.Play("start", "days 3", "event oninbaar-verklaard");
        var stopped = new WorkflowDriver(Definitions.Shipped(id));
        stopped.Play("start", "days 3", "event stop");

        Assert.Equal(CaseOutcome.WriteOff, writtenOff.State.Outcome);
        Assert.Equal(WorkflowStatus.Completed, writtenOff.State.Status);
        Assert.Equal(CaseOutcome.Stopped, stopped.State.Outcome);
    }

    [Fact]
    public void Shipped_letters_use_only_the_known_template_codes_and_every_code_is_used()
    {
        var used = Definitions.ShippedIds.Select(id => Definitions.Shipped(id))
            .SelectMany(d => d.Steps.Values.OfType<LetterStep>().Select(l => l.Template)
                .Concat(d.Events.Values.SelectMany(e => e.ByResult?.Values.Append(e) ?? [e]).Select(e => e.Letter).OfType<string>()))
            .ToHashSet();

        Assert.Subset(LetterTemplateCodes.Shipped.ToHashSet(), used);
        Assert.Equal(LetterTemplateCodes.Shipped.Order(), used.Order());
    }

    [Fact]
    public void Wil_niet_runs_aanmaning_dwangbevel_hernieuwd_bevel_and_hands_off_to_the_bailiff_who_collects()
    {
        var run = new WorkflowDriver(Definitions.Shipped("wil-niet"));

        run.Play("start", "timer", "timer", "timer");

        Assert.Equal(WorkflowStatus.WaitingForBailiff, run.State.Status);
        Assert.Equal(["aanmaning", "dwangbevel", "aankondiging-hernieuwd-bevel"], run.Letters);
        var costs = run.Effects.OfType<IssueLetterEffect>().Select(l => l.CostKind).ToList();
        Assert.Equal([CostKind.Demand, CostKind.Writ, CostKind.RenewedWrit], costs);
        var demandDate = run.LettersSent[0].On;
        var writDate = run.LettersSent[1].On;
        Assert.Equal(14, writDate.DayNumber - demandDate.DayNumber);
        Assert.Equal(writDate.AddDays(2), run.Effects.OfType<IssueLetterEffect>().ElementAt(1).PayBy);
        Assert.Single(run.Effects.OfType<SeizureOrderEffect>());

        run.Play("bailiff betaald");

        Assert.Equal(WorkflowStatus.Completed, run.State.Status);
        Assert.Equal(CaseOutcome.Paid, run.State.Outcome);
        Assert.Equal(CaseOutcome.Paid, Assert.Single(run.Effects.OfType<CompleteCaseEffect>()).Outcome);
    }

    [Fact]
    public void Wil_niet_ends_with_the_bailiff_after_a_partial_payment()
    {
        var run = new WorkflowDriver(Definitions.Shipped("wil-niet"));

        run.Play("start", "timer", "timer", "timer", "bailiff deels-betaald");

        Assert.Equal(CaseOutcome.Bailiff, run.State.Outcome);
    }

    [Fact]
    public void Wil_niet_asks_a_person_when_the_bailiff_finds_nothing_and_can_switch_to_social_collection()
    {
        var run = new WorkflowDriver(Definitions.Shipped("wil-niet"));

        run.Play("start", "timer", "timer", "timer", "bailiff niets-te-halen");

        var task = Assert.Single(run.Effects.OfType<CreateTaskEffect>());
        Assert.Equal(TaskKind.Review, task.Kind);
        Assert.Equal(["oninbaar", "sociaal-invorderen"], task.Outcomes.Select(o => o.Name));

        run.Play("task sociaal-invorderen");

        Assert.Equal(WorkflowStatus.Completed, run.State.Status);
        Assert.Null(run.State.Outcome);
        Assert.Equal(new SwitchWorkflowEffect(null, "kan-niet"), run.Effects.OfType<SwitchWorkflowEffect>().Single());
        Assert.Empty(run.Effects.OfType<CompleteCaseEffect>());
    }

    [Fact]
    public void Wil_niet_ends_when_paid_in_full_while_waiting_after_the_aanmaning()
    {
        var run = new WorkflowDriver(Definitions.Shipped("wil-niet"));

        run.Play("start", "days 5", "event betaling-volledig");

        Assert.Equal(CaseOutcome.Paid, run.State.Outcome);
        Assert.Equal(["aanmaning"], run.Letters);
        Assert.Null(run.State.WakeUp);
    }

    [Fact]
    public void Kan_en_wil_sends_a_free_reminder_first_then_continues_like_wil_niet()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-en-wil"));

        run.Play("start", "timer", "timer", "timer", "timer", "bailiff betaald");

        Assert.Equal(["herinnering", "aanmaning", "dwangbevel", "aankondiging-hernieuwd-bevel"], run.Letters);
        var reminder = run.Effects.OfType<IssueLetterEffect>().First();
        Assert.Null(reminder.CostKind);
        Assert.Equal(WorkflowDriver.Monday.AddDays(14), reminder.PayBy);
        Assert.Equal(WorkflowDriver.Monday.AddDays(14), run.LettersSent[1].On);
        Assert.Equal(CaseOutcome.Paid, run.State.Outcome);
    }

    [Fact]
    public void Kan_en_wil_ends_without_costs_when_the_reminder_is_paid()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-en-wil"));

        run.Play("start", "days 10", "event betaling-volledig");

        Assert.Equal(["herinnering"], run.Letters);
        Assert.Equal(CaseOutcome.Paid, run.State.Outcome);
    }

    [Fact]
    public void Kan_niet_phones_first_with_two_working_days_and_never_charges_costs()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-niet"));

        run.Play("start");

        var call = Assert.Single(run.Effects.OfType<CreateTaskEffect>());
        Assert.Equal(TaskKind.PhoneCall, call.Kind);
        Assert.Equal(new DateOnly(2026, 3, 4), call.DueDate);
        Assert.Equal(["bereikt-betaalt", "regeling", "kwijtschelding-hulp", "schuldhulp", "niet-bereikt"], call.Outcomes.Select(o => o.Name));
        Assert.Equal(WorkflowStatus.WaitingForTask, run.State.Status);
        var decision = run.Journal.Single(j => j.Kind == JournalKind.Decision);
        Assert.Equal(FactValue.Of(true), decision.FactsSeen!["hasPhoneNumber"]);
        Assert.Equal("tak 1: hasPhoneNumber == true", decision.Rule);
    }

    [Fact]
    public void Kan_niet_goes_straight_to_a_home_visit_without_a_phone_number()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-niet"));
        run.Facts = run.Facts with { HasPhoneNumber = false };

        run.Play("start");

        Assert.Equal(TaskKind.HomeVisit, Assert.Single(run.Effects.OfType<CreateTaskEffect>()).Kind);
        Assert.Equal("anders", run.Journal.Single(j => j.Kind == JournalKind.Decision).Rule);
    }

    [Fact]
    public void Kan_niet_reached_and_paying_ends_paid_when_the_money_is_in()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-niet"));

        run.Play("start", "task bereikt-betaalt");
        run.Facts = run.Facts with { OpenAmountCents = 0 };
        run.Play("timer");

        Assert.Equal(CaseOutcome.Paid, run.State.Outcome);
        Assert.Empty(run.Letters);
    }

    [Fact]
    public void Kan_niet_broken_promise_leads_to_a_home_visit()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-niet"));

        run.Play("start", "task bereikt-betaalt", "timer");

        Assert.Equal("huisbezoek", run.State.CurrentStepId);
        Assert.Equal(WorkflowStatus.WaitingForTask, run.State.Status);
    }

    [Fact]
    public void Kan_niet_payment_plan_is_watched_until_it_stops_running()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-niet"));
        run.Facts = run.Facts with { HasPaymentPlan = true };

        run.Play("start", "task regeling", "timer", "timer");

        Assert.Equal("wacht-op-regeling", run.State.CurrentStepId);
        Assert.Equal(WorkflowStatus.Waiting, run.State.Status);

        run.Facts = run.Facts with { HasPaymentPlan = false };
        run.Play("timer");

        Assert.Equal("huisbezoek", run.State.CurrentStepId);
    }

    [Fact]
    public void Kan_niet_remission_help_sends_the_letter_and_waits_for_the_request()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-niet"));

        run.Play("start", "task kwijtschelding-hulp", "days 3", "event kwijtschelding-aangevraagd", "event kwijtschelding-besloten toegekend");

        Assert.Equal(["kwijtschelding-hulp"], run.Letters);
        Assert.Equal(CaseOutcome.Remission, run.State.Outcome);
    }

    [Fact]
    public void Kan_niet_debt_help_sends_the_referral_and_ends()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-niet"));

        run.Play("start", "task schuldhulp");

        Assert.Equal(["schuldhulp-verwijzing"], run.Letters);
        Assert.Equal(CaseOutcome.DebtHelp, run.State.Outcome);
    }

    [Fact]
    public void Kan_niet_not_reached_twice_not_home_leads_to_a_write_off_review_as_last_resort()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-niet"));

        run.Play("start", "task niet-bereikt", "task niet-thuis", "task niet-thuis");

        Assert.Equal(["niet-bereikt", "huisbezoek-kaart"], run.Letters);
        var kinds = run.Effects.OfType<CreateTaskEffect>().Select(t => t.Kind).ToList();
        Assert.Equal([TaskKind.PhoneCall, TaskKind.HomeVisit, TaskKind.HomeVisit, TaskKind.Review], kinds);

        run.Play("task oninbaar");

        Assert.Equal(CaseOutcome.WriteOff, run.State.Outcome);
        Assert.All(run.Effects.OfType<IssueLetterEffect>(), letter => Assert.Null(letter.CostKind));
    }

    [Fact]
    public void Kan_niet_home_visit_can_agree_a_plan()
    {
        var run = new WorkflowDriver(Definitions.Shipped("kan-niet"));

        run.Play("start", "task niet-bereikt", "task regeling", "event regeling-afgesproken");

        Assert.Equal(WorkflowStatus.Paused, run.State.Status);
        Assert.Equal("wacht-op-regeling", run.State.CurrentStepId);
        Assert.Equal(["niet-bereikt", "regeling-bevestiging"], run.Letters);
    }
}
