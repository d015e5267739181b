namespace Invordering.Domain;

/// <summary>One reason a new tariff period cannot be added: the field it concerns (a <see cref="CostTariff"/> property name) and a Dutch message.</summary>
public sealed record TariffProblem(string Field, string Message);

/// <summary>
/// What a new tariff period must satisfy before it is added to the <see cref="TariffTable"/>: it starts after today (costs
/// already charged never change), after every period already planned (a period runs until the next one starts, so periods
/// never overlap), no amount is negative, and the aanmaning threshold and the dwangbevel scale have no gaps.
/// </summary>
public static class TariffPeriodRules
{
    /// <summary>Each amount of a tariff with the Dutch name a person sees beside it.</summary>
    public static IReadOnlyList<(string Field, string Label, Func<CostTariff, Money> Amount)> Amounts { get; } =
    [
        (nameof(CostTariff.DemandThreshold), "Grens aanmaning", t => t.DemandThreshold),
        (nameof(CostTariff.DemandBelowThreshold), "Aanmaning onder de grens", t => t.DemandBelowThreshold),
        (nameof(CostTariff.DemandAtOrAboveThreshold), "Aanmaning vanaf de grens", t => t.DemandAtOrAboveThreshold),
        (nameof(CostTariff.WritMinimum), "Dwangbevel minimum", t => t.WritMinimum),
        (nameof(CostTariff.WritMaximum), "Dwangbevel maximum", t => t.WritMaximum),
        (nameof(CostTariff.WritBaseClaim), "Dwangbevel: deel van de vordering zonder opslag", t => t.WritBaseClaim),
        (nameof(CostTariff.WritStepSize), "Dwangbevel: stapgrootte van de vordering", t => t.WritStepSize),
        (nameof(CostTariff.WritStep), "Dwangbevel: opslag per stap", t => t.WritStep),
        (nameof(CostTariff.RenewedWrit), "Hernieuwd bevel", t => t.RenewedWrit),
    ];

    /// <summary>The problems with adding <paramref name="candidate"/> to <paramref name="table"/> on <paramref name="today"/>; empty when it may be added.</summary>
    public static IReadOnlyList<TariffProblem> Check(CostTariff candidate, TariffTable table, DateOnly today)
    {
        var problems = new List<TariffProblem>();
        if (candidate.ValidFrom <= today)
            problems.Add(new(nameof(CostTariff.ValidFrom),
                $"De ingangsdatum ligt niet na vandaag ({today:dd-MM-yyyy}). Een tarief geldt niet met terugwerkende kracht: kosten die al zijn berekend, blijven zoals ze zijn. Kies {today.AddDays(1):dd-MM-yyyy} of later."));
        else if (table.Tariffs.FirstOrDefault(t => t.ValidFrom == candidate.ValidFrom) is { } same)
            problems.Add(new(nameof(CostTariff.ValidFrom),
                $"Er is al een tarief dat op {same.ValidFrom:dd-MM-yyyy} ingaat. Twee tarieven voor dezelfde dag overlappen; trek het geplande tarief eerst in."));
        else if (table.Tariffs.LastOrDefault(t => t.ValidFrom > candidate.ValidFrom) is { } later)
            problems.Add(new(nameof(CostTariff.ValidFrom),
                $"Er is al een tarief gepland vanaf {later.ValidFrom:dd-MM-yyyy}. Een nieuw tarief op {candidate.ValidFrom:dd-MM-yyyy} zou in dat tijdvak vallen. Kies een datum na {later.ValidFrom:dd-MM-yyyy}, of trek het geplande tarief eerst in."));

        foreach (var (field, label, amount) in Amounts)
        {
            if (amount(candidate) < Money.Zero)
                problems.Add(new(field, $"{label}: het bedrag mag niet negatief zijn."));
        }
        if (problems.Any(p => p.Field != nameof(CostTariff.ValidFrom))) return problems;

        if (candidate.DemandThreshold == Money.Zero)
            problems.Add(new(nameof(CostTariff.DemandThreshold), "De grens van de aanmaning moet boven € 0,00 liggen, anders is er maar één tarief."));
        if (candidate.DemandBelowThreshold > candidate.DemandAtOrAboveThreshold)
            problems.Add(new(nameof(CostTariff.DemandAtOrAboveThreshold),
                $"Een aanmaning vanaf de grens ({candidate.DemandAtOrAboveThreshold}) kost minder dan onder de grens ({candidate.DemandBelowThreshold}). Een hogere vordering kost nooit minder."));
        if (candidate.WritStepSize == Money.Zero)
            problems.Add(new(nameof(CostTariff.WritStepSize), "De schaal van het dwangbevel heeft een stapgrootte boven € 0,00 nodig."));
        if (candidate.WritMaximum < candidate.WritMinimum)
            problems.Add(new(nameof(CostTariff.WritMaximum),
                $"Het maximum van het dwangbevel ({candidate.WritMaximum}) ligt onder het minimum ({candidate.WritMinimum})."));
        else if (candidate.WritMaximum > candidate.WritMinimum && candidate.WritStep == Money.Zero)
            problems.Add(new(nameof(CostTariff.WritStep),
                $"De schaal van het dwangbevel heeft een gat: zonder opslag per stap blijft het bij het minimum ({candidate.WritMinimum}) en wordt het maximum ({candidate.WritMaximum}) nooit bereikt."));
        if (candidate.WritStepSize > Money.Zero && candidate.WritBaseClaim < candidate.WritStepSize)
            problems.Add(new(nameof(CostTariff.WritBaseClaim),
                $"De schaal van het dwangbevel heeft een gat: de eerste {candidate.WritBaseClaim} zonder opslag is kleiner dan één stap ({candidate.WritStepSize})."));
        return problems;
    }

    /// <summary>
    /// The dwangbevel scale written out as brackets of the claim with their cost, up to the maximum (at most
    /// <paramref name="limit"/> brackets, then the maximum), so a person can see that the scale has no gaps.
    /// </summary>
    public static IReadOnlyList<(Money From, Money? Until, Money Cost)> WritScale(CostTariff tariff, int limit = 6)
    {
        var brackets = new List<(Money, Money?, Money)>();
        if (tariff.WritStepSize <= Money.Zero) return brackets;
        var from = Money.Zero;
        var until = tariff.WritBaseClaim + tariff.WritStepSize;
        for (var i = 0; i < limit; i++)
        {
            var cost = CollectionCosts.Writ(from == Money.Zero ? new Money(1) : from, tariff);
            if (cost >= tariff.WritMaximum) break;
            brackets.Add((from, until - new Money(1), cost));
            from = until;
            until += tariff.WritStepSize;
        }
        var stepsToMaximum = tariff.WritStep > Money.Zero
            ? (tariff.WritMaximum.Cents - tariff.WritMinimum.Cents + tariff.WritStep.Cents - 1) / tariff.WritStep.Cents
            : 0;
        var maximumFrom = tariff.WritStep > Money.Zero
            ? tariff.WritBaseClaim + new Money(stepsToMaximum * tariff.WritStepSize.Cents)
            : from;
        brackets.Add((maximumFrom, null, tariff.WritMaximum));
        return brackets;
    }
}
