using Invordering.Domain;
using Invordering.Infrastructure.Workflows;
using Invordering.Workflows;

namespace Invordering.Infrastructure.Tests.Workflows;

/// <summary>
/// A wait of working days and a task's due date, counted by the runtime on the service's Dutch calendar
/// (as composed in the service: <see cref="CalendarWorkingDays"/> over the default
/// <see cref="WorkingDayCalendar"/>), across Easter, Koningsdag, Ascension, Whitsun and Christmas.
/// </summary>
public sealed class WorkingDayWaitTests
{
    private static readonly WorkflowEngine Engine = new(new CalendarWorkingDays(new WorkingDayCalendar(new WorkingDayCalendarOptions())));

    private static readonly CaseFacts Facts = new()
    {
        OpenAmountCents = 50_000, OriginalAmountCents = 50_000, DaysPastDue = 10, Segment = "kan-niet", HasPhoneNumber = true,
    };

    private static WorkflowDefinition Definition(string firstStep) => new WorkflowDefinitionLoader().Load($$"""
        {
          "id": "werkdagen", "title": "Werkdagen", "segment": "kan-niet", "start": "eerst",
          "steps": {
            "eerst": {{firstStep}},
            "klaar": { "type": "end", "outcome": "betaald" }
          },
          "events": {}
        }
        """, 1);

    [Theory]
    [InlineData("2026-04-03", 1, "2026-04-07", "Easter Monday 6 April")]
    [InlineData("2026-04-02", 2, "2026-04-07", "Good Friday is a working day unless observed; Easter Monday is not")]
    [InlineData("2026-04-24", 1, "2026-04-28", "Koningsdag Monday 27 April")]
    [InlineData("2026-05-13", 1, "2026-05-15", "Ascension Thursday 14 May")]
    [InlineData("2026-05-22", 1, "2026-05-26", "Whit Monday 25 May")]
    [InlineData("2026-12-24", 1, "2026-12-28", "Christmas Friday 25 December, Boxing Day on Saturday")]
    [InlineData("2026-12-31", 1, "2027-01-04", "New Year's Day Friday 1 January")]
    public void A_wait_of_working_days_skips_the_Dutch_public_holidays(string start, int days, string wakeUp, string because)
    {
        var definition = Definition($$"""{ "type": "wait", "days": {{days}}, "kind": "working", "next": "klaar" }""");

        var result = Engine.Advance(definition, WorkflowInstanceState.New(definition), Facts, DateOnly.Parse(start), new WorkflowTrigger.Start());

        Assert.Equal(WorkflowStatus.Waiting, result.State.Status);
        Assert.True(DateOnly.Parse(wakeUp) == result.State.WakeUp, $"{because}: wakes on {wakeUp}, not {result.State.WakeUp}");
    }

    [Fact]
    public void A_phone_task_given_before_Easter_is_due_two_working_days_later_after_Easter_Monday()
    {
        var definition = Definition("""
            { "type": "task", "title": "Bellen", "kind": "telefoon", "dueWithinWorkingDays": 2,
              "outcomes": [ { "name": "bereikt", "label": "Bereikt", "target": "klaar" } ] }
            """);

        var result = Engine.Advance(definition, WorkflowInstanceState.New(definition), Facts, new DateOnly(2026, 4, 2), new WorkflowTrigger.Start());

        var task = Assert.Single(result.Effects.OfType<CreateTaskEffect>());
        Assert.Equal(new DateOnly(2026, 4, 7), task.DueDate);
    }
}
