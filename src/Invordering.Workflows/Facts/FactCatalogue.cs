namespace Invordering.Workflows;

/// <summary>The type of a case fact, as shown to administrators.</summary>
public enum FactType
{
    /// <summary>An amount of money in cents.</summary>
    Amount,

    /// <summary>A whole number (days, counts).</summary>
    Number,

    /// <summary>Yes or no.</summary>
    Boolean,

    /// <summary>A word from a fixed list.</summary>
    Text,
}

/// <summary>One named case fact a decision may use: its name in definitions, its type, a Dutch description and how to read it.</summary>
public sealed record FactDefinition(string Name, FactType Type, string Description, Func<CaseFacts, FactValue> Read)
{
    /// <summary>The shape of the fact's values.</summary>
    public FactValueKind ValueKind => Type switch
    {
        FactType.Boolean => FactValueKind.Boolean,
        FactType.Text => FactValueKind.Text,
        _ => FactValueKind.Number,
    };
}

/// <summary>The catalogue of named case facts decisions may use; a decision naming any other fact is refused.</summary>
public static class FactCatalogue
{
    /// <summary>Every known fact, in the order the editor shows them.</summary>
    public static IReadOnlyList<FactDefinition> All { get; } =
    [
        new("openAmount", FactType.Amount, "Openstaand bedrag van de vordering, in centen (45400 = € 454).", f => FactValue.Of(f.OpenAmountCents)),
        new("originalAmount", FactType.Amount, "Oorspronkelijk bedrag van de aanslag, in centen.", f => FactValue.Of(f.OriginalAmountCents)),
        new("daysPastDue", FactType.Number, "Aantal dagen na de vervaldatum.", f => FactValue.Of(f.DaysPastDue)),
        new("segment", FactType.Text, "Klantgroep: kan-en-wil, wil-niet of kan-niet.", f => FactValue.Of(f.Segment)),
        new("hasPhoneNumber", FactType.Boolean, "Er is een telefoonnummer bekend.", f => FactValue.Of(f.HasPhoneNumber)),
        new("hasPaymentPlan", FactType.Boolean, "Er loopt een betalingsregeling die bij is.", f => FactValue.Of(f.HasPaymentPlan)),
        new("remissionPending", FactType.Boolean, "Er loopt een verzoek om kwijtschelding.", f => FactValue.Of(f.RemissionPending)),
        new("deferralGranted", FactType.Boolean, "Er is uitstel van betaling verleend.", f => FactValue.Of(f.DeferralGranted)),
        new("previousWrits", FactType.Number, "Aantal dwangbevelen in de afgelopen vijf jaar.", f => FactValue.Of(f.PreviousWrits)),
        new("openClaims", FactType.Number, "Aantal openstaande vorderingen van deze belastingplichtige.", f => FactValue.Of(f.OpenClaims)),
        new("isCompany", FactType.Boolean, "De belastingplichtige is een bedrijf.", f => FactValue.Of(f.IsCompany)),
    ];

    /// <summary>The fact named <paramref name="name"/>, or null when the catalogue does not know it.</summary>
    public static FactDefinition? Find(string name) => All.FirstOrDefault(f => f.Name == name);
}
