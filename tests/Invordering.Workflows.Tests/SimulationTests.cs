using System.Text.Json;
using Invordering.Domain;
using Invordering.Workflows.Simulation;
using Invordering.Workflows.Tests.Support;

namespace Invordering.Workflows.Tests;

/// <summary>The workflow simulation: a changed wait shows in the figures in the expected direction, and the same seed gives the same figures.</summary>
public sealed class SimulationTests
{
    private static readonly TariffTable Tariffs = new(
    [
        new CostTariff(new DateOnly(2025, 1, 1), new Money(45_400), new Money(900), new Money(1_900), new Money(4_900),
            new Money(1_459_700), new Money(400), new Money(4_500), new Money(4_500), new Money(1_800)),
    ]);

    private static WorkflowSimulation Simulation(int seed) =>
        new(new WorkflowEngine(new WeekendsOnlyWorkingDays()), Tariffs, new PeopleModel(new Chance(seed)));

    /// <summary>kan-en-wil as an administrator edits it: the free reminder's wait from 14 to 10 days, as version 2.</summary>
    private static WorkflowDefinition ReminderWaitOfTenDays() =>
        Definitions.ShippedWith("kan-en-wil", json => json["steps"]!["wacht-na-herinnering"]!["days"] = 10, version: 2);

    private static SimulationComparison Compare(int debtors, int days, int seed = 2026) =>
        SimulationComparison.RunAsync(Simulation(seed), Definitions.Shipped("kan-en-wil"), ReminderWaitOfTenDays(),
            SyntheticPopulation.Draw("kan-en-wil", debtors, seed), days, null, null, CancellationToken.None).GetAwaiter().GetResult();

    [Fact]
    public void A_shorter_reminder_wait_sends_the_aanmaningen_earlier()
    {
        // Twelve days: the published version's aanmaning comes on day 14, the draft's on day 10.
        var comparison = Compare(debtors: 500, days: 12);

        Assert.Equal(500, comparison.Published.Letters["herinnering"]);
        Assert.Equal(500, comparison.Draft.Letters["herinnering"]);
        Assert.False(comparison.Published.Letters.ContainsKey("aanmaning"));
        Assert.True(comparison.Draft.Letters.GetValueOrDefault("aanmaning") > 0, "the draft sent no aanmaning within 12 days");
        Assert.True(comparison.Draft.Costs["aanmaning"].Cents > 0);
        var row = Assert.Single(comparison.Rows(), r => r.Group == "Brieven" && r.Label == "aanmaning");
        Assert.Equal(comparison.Draft.Letters["aanmaning"], row.Difference);
    }

    [Fact]
    public void A_shorter_reminder_wait_costs_more_aanmaningen_and_resolves_sooner_over_180_days()
    {
        var comparison = Compare(debtors: 2_000, days: 180);
        var (published, draft) = (comparison.Published, comparison.Draft);

        // Fewer days to pay after the reminder: more debtors get a costly aanmaning, and the chain after it starts earlier.
        Assert.True(draft.Letters["aanmaning"] > published.Letters["aanmaning"],
            $"aanmaningen: draft {draft.Letters["aanmaning"]}, published {published.Letters["aanmaning"]}");
        Assert.True(draft.Costs["aanmaning"].Cents > published.Costs["aanmaning"].Cents);
        Assert.True(draft.MeanDaysToResolution < published.MeanDaysToResolution,
            $"mean days to resolution: draft {draft.MeanDaysToResolution}, published {published.MeanDaysToResolution}");
        Assert.Equal(2_000, draft.Outcomes.Values.Sum());
        Assert.Equal(2_000, published.Outcomes.Values.Sum());
        Assert.True(published.Outcomes[CaseOutcome.Paid.ToSlug()] > 1_000, "most of kan-en-wil pays");
    }

    [Fact]
    public void The_same_seed_gives_the_same_figures_and_another_seed_other_figures()
    {
        static string Figures(int seed)
        {
            var result = Simulation(seed).Run(Definitions.Shipped("kan-niet"), SyntheticPopulation.Draw("kan-niet", 1_000, seed), 120);
            return JsonSerializer.Serialize(result);
        }

        Assert.Equal(Figures(7), Figures(7));
        Assert.NotEqual(Figures(7), Figures(8));
    }

    [Fact]
    public void Kan_niet_makes_phone_calls_and_home_visits_and_charges_no_enforcement_costs()
    {
        var result = Simulation(2026).Run(Definitions.Shipped("kan-niet"), SyntheticPopulation.Draw("kan-niet", 1_000, 2026), 180);

        Assert.True(result.Tasks["telefoon"] > 400, $"{result.Tasks["telefoon"]} phone calls");
        Assert.True(result.Tasks["huisbezoek"] > 100, $"{result.Tasks["huisbezoek"]} home visits");
        Assert.Empty(result.Costs);
        Assert.True(result.Outcomes.GetValueOrDefault("kwijtschelding") > 0);
        Assert.True(result.Outcomes.GetValueOrDefault("regeling") > 0);
    }
}
