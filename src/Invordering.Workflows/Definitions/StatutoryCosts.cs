using Invordering.Domain;

namespace Invordering.Workflows;

/// <summary>What a letter's statutory costs come to, from the cost tariff valid on the letter's date.</summary>
public static class StatutoryCosts
{
    /// <summary>The costs of <paramref name="kind"/> for a claim with <paramref name="open"/> still to pay.</summary>
    public static Money Charge(this CostKind kind, Money open, CostTariff tariff) => kind switch
    {
        CostKind.Demand => CollectionCosts.Demand(open, tariff),
        CostKind.Writ => CollectionCosts.Writ(open, tariff),
        _ => CollectionCosts.RenewedWrit(tariff),
    };
}
