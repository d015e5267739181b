namespace Invordering.Workflows;

/// <summary>The statutory terms the runtime enforces (Invorderingswet 1990, Leidraad Invordering).</summary>
public static class LegalTerms
{
    /// <summary>The fewest calendar days between an aanmaning and the dwangbevel that follows it.</summary>
    public const int DemandToWritDays = 14;

    /// <summary>The first date a dwangbevel may be issued after an aanmaning of <paramref name="demandDate"/>.</summary>
    public static DateOnly EarliestWritDate(DateOnly demandDate) => demandDate.AddDays(DemandToWritDays);
}

/// <summary>The codes of the shipped letter templates, the ones a letter step may use unless the caller passes its own list.</summary>
public static class LetterTemplateCodes
{
    /// <summary>Every shipped template code.</summary>
    public static IReadOnlyList<string> Shipped { get; } =
    [
        "herinnering", "aanmaning", "dwangbevel", "aankondiging-hernieuwd-bevel", "niet-bereikt", "huisbezoek-kaart",
        "regeling-bevestiging", "termijn-gemist", "regeling-vervallen", "kwijtschelding-hulp", "schuldhulp-verwijzing",
    ];
}
