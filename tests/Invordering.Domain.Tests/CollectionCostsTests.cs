namespace Invordering.Domain.Tests;

public class CollectionCostsTests
{
    private static Money E(decimal euros) => Money.FromEuros(euros);

    private static CostTariff Tariff(int year, decimal below, decimal atOrAbove, decimal writMinimum, decimal writMaximum, decimal renewedWrit) => new(
        ValidFrom: new DateOnly(year, 1, 1),
        DemandThreshold: E(454),
        DemandBelowThreshold: E(below),
        DemandAtOrAboveThreshold: E(atOrAbove),
        WritMinimum: E(writMinimum),
        WritMaximum: E(writMaximum),
        WritStep: E(4),
        WritStepSize: E(45),
        WritBaseClaim: E(45),
        RenewedWrit: E(renewedWrit));

    private static readonly CostTariff Tariff2024 = Tariff(2024, 8, 18, 46, 13_745, 18);
    private static readonly CostTariff Tariff2026 = Tariff(2026, 9, 19, 49, 14_597, 19);

    [Theory]
    [InlineData(2024, 453.99, 8)]
    [InlineData(2024, 454.00, 18)]
    [InlineData(2024, 0.01, 8)]
    [InlineData(2026, 453.99, 9)]
    [InlineData(2026, 454.00, 19)]
    [InlineData(2026, 100_000, 19)]
    public void Demand_cost_depends_on_the_threshold(int year, decimal claim, decimal cost) =>
        Assert.Equal(E(cost), CollectionCosts.Demand(E(claim), year == 2024 ? Tariff2024 : Tariff2026));

    [Theory]
    [InlineData(2024, 10, 46)]
    [InlineData(2024, 89.99, 46)]
    [InlineData(2024, 90, 50)]
    [InlineData(2024, 134.99, 50)]
    [InlineData(2024, 135, 54)]
    [InlineData(2024, 154_125, 13_742)]
    [InlineData(2024, 154_170, 13_745)]
    [InlineData(2024, 1_000_000, 13_745)]
    [InlineData(2026, 89.99, 49)]
    [InlineData(2026, 90, 53)]
    [InlineData(2026, 163_709.99, 14_593)]
    [InlineData(2026, 163_710, 14_597)]
    [InlineData(2026, 500_000, 14_597)]
    public void Writ_cost_grows_per_full_step_and_is_capped(int year, decimal claim, decimal cost) =>
        Assert.Equal(E(cost), CollectionCosts.Writ(E(claim), year == 2024 ? Tariff2024 : Tariff2026));

    [Fact]
    public void Renewed_writ_cost_comes_from_the_tariff()
    {
        Assert.Equal(E(18), CollectionCosts.RenewedWrit(Tariff2024));
    }

    [Fact]
    public void A_claim_of_zero_has_no_costs()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => CollectionCosts.Demand(Money.Zero, Tariff2026));
        Assert.Throws<ArgumentOutOfRangeException>(() => CollectionCosts.Writ(E(-1), Tariff2026));
    }

    [Fact]
    public void The_table_picks_the_tariff_valid_on_a_date()
    {
        var table = new TariffTable([Tariff2026, Tariff2024]);
        Assert.Same(Tariff2024, table.ValidOn(new DateOnly(2024, 1, 1)));
        Assert.Same(Tariff2024, table.ValidOn(new DateOnly(2025, 12, 31)));
        Assert.Same(Tariff2026, table.ValidOn(new DateOnly(2026, 1, 1)));
        Assert.Same(Tariff2026, table.ValidOn(new DateOnly(2030, 6, 1)));
        Assert.Equal([Tariff2024, Tariff2026], table.Tariffs);
    }

    [Fact]
    public void The_table_says_clearly_when_no_tariff_applies()
    {
        var table = new TariffTable([Tariff2024]);
        var error = Assert.Throws<InvalidOperationException>(() => table.ValidOn(new DateOnly(2023, 12, 31)));
        Assert.Contains("2023-12-31", error.Message);
        Assert.Contains("2024-01-01", error.Message);
        Assert.Throws<InvalidOperationException>(() => new TariffTable([]).ValidOn(new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void The_table_refuses_two_tariffs_from_the_same_date()
    {
        Assert.Throws<ArgumentException>(() => new TariffTable([Tariff2024, Tariff2024 with { WritStep = E(5) }]));
    }
}
