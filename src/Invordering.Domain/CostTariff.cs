namespace Invordering.Domain;

/// <summary>The collection costs (Kostenwet invordering) valid from a date; the figures come from configuration, never from code.</summary>
/// <param name="ValidFrom">First day on which this tariff applies.</param>
/// <param name="DemandThreshold">Claims below this amount get the lower demand cost.</param>
/// <param name="DemandBelowThreshold">Cost of a demand (aanmaning) for a claim below the threshold.</param>
/// <param name="DemandAtOrAboveThreshold">Cost of a demand for a claim at or above the threshold.</param>
/// <param name="WritMinimum">Cost of a writ (dwangbevel) for the smallest claims.</param>
/// <param name="WritMaximum">The writ cost never exceeds this.</param>
/// <param name="WritStep">Added to the writ cost for each full step above the base claim.</param>
/// <param name="WritStepSize">The size of one step of the claim.</param>
/// <param name="WritBaseClaim">The first part of the claim that no step is counted for.</param>
/// <param name="RenewedWrit">Cost of a renewed writ (hernieuwd bevel).</param>
public sealed record CostTariff(
    DateOnly ValidFrom,
    Money DemandThreshold,
    Money DemandBelowThreshold,
    Money DemandAtOrAboveThreshold,
    Money WritMinimum,
    Money WritMaximum,
    Money WritStep,
    Money WritStepSize,
    Money WritBaseClaim,
    Money RenewedWrit);
