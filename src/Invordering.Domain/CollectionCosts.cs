namespace Invordering.Domain;

/// <summary>Computes the costs of a demand, a writ and a renewed writ from a cost tariff.</summary>
public static class CollectionCosts
{
    /// <summary>The cost of a demand (aanmaning): the lower amount below the threshold, the higher one at or above it.</summary>
    public static Money Demand(Money claim, CostTariff tariff)
    {
        RequirePositive(claim);
        return claim < tariff.DemandThreshold ? tariff.DemandBelowThreshold : tariff.DemandAtOrAboveThreshold;
    }

    /// <summary>
    /// The cost of a writ (dwangbevel): the minimum, plus one step for each full step size of the claim
    /// above the base claim, capped at the maximum.
    /// </summary>
    public static Money Writ(Money claim, CostTariff tariff)
    {
        RequirePositive(claim);
        long above = Math.Max(0, (claim - tariff.WritBaseClaim).Cents);
        long steps = above / tariff.WritStepSize.Cents;
        long cents = tariff.WritMinimum.Cents + steps * tariff.WritStep.Cents;
        return new Money(Math.Min(cents, tariff.WritMaximum.Cents));
    }

    /// <summary>The cost of a renewed writ (hernieuwd bevel).</summary>
    public static Money RenewedWrit(CostTariff tariff) => tariff.RenewedWrit;

    private static void RequirePositive(Money claim)
    {
        if (claim <= Money.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(claim), claim, "Kosten gelden alleen voor een vordering boven nul.");
        }
    }
}
