namespace Invordering.Workflows;

/// <summary>A case-wide event the runtime knows, with a Dutch description and the results it can carry.</summary>
public sealed record CaseEventDefinition(string Name, string Description, IReadOnlyList<string> Results);

/// <summary>The case-wide events every definition may handle in its <c>events</c> section.</summary>
public static class CaseEventCatalogue
{
    /// <summary>Paid in full.</summary>
    public const string PaidInFull = "betaling-volledig";

    /// <summary>Partly paid.</summary>
    public const string PaidPartly = "betaling-deels";

    /// <summary>A payment plan was agreed.</summary>
    public const string PaymentPlanAgreed = "regeling-afgesproken";

    /// <summary>An instalment of the payment plan was missed (the plan is not yet lapsed).</summary>
    public const string InstalmentMissed = "termijn-gemist";

    /// <summary>The payment plan lapsed (defaulted).</summary>
    public const string PaymentPlanDefaulted = "regeling-verzuimd";

    /// <summary>Remission was requested.</summary>
    public const string RemissionRequested = "kwijtschelding-aangevraagd";

    /// <summary>Remission was decided: result <c>toegekend</c> or <c>afgewezen</c>.</summary>
    public const string RemissionDecided = "kwijtschelding-besloten";

    /// <summary>An objection came with a deferral of payment.</summary>
    public const string ObjectionDeferral = "bezwaar-uitstel";

    /// <summary>The deferral ended.</summary>
    public const string DeferralEnded = "uitstel-beeindigd";

    /// <summary>Staff paused the case.</summary>
    public const string StaffPause = "pauze";

    /// <summary>Staff resumed the case.</summary>
    public const string StaffResume = "hervat";

    /// <summary>Staff stopped the case.</summary>
    public const string StaffStop = "stop";

    /// <summary>Staff declared the claim uncollectible (oninbaarverklaring).</summary>
    public const string WrittenOff = "oninbaar-verklaard";

    /// <summary>Every known event.</summary>
    public static IReadOnlyList<CaseEventDefinition> All { get; } =
    [
        new(PaidInFull, "De vordering is volledig betaald.", []),
        new(PaidPartly, "Er is een deel van de vordering betaald.", []),
        new(PaymentPlanAgreed, "Er is een betalingsregeling afgesproken.", []),
        new(InstalmentMissed, "Een termijn van de betalingsregeling is niet betaald.", []),
        new(PaymentPlanDefaulted, "De betalingsregeling is vervallen omdat termijnen niet zijn betaald.", []),
        new(RemissionRequested, "Er is kwijtschelding aangevraagd.", []),
        new(RemissionDecided, "Er is besloten op het verzoek om kwijtschelding.", ["toegekend", "afgewezen"]),
        new(ObjectionDeferral, "Er is bezwaar gemaakt en uitstel van betaling verleend.", []),
        new(DeferralEnded, "Het uitstel van betaling is afgelopen.", []),
        new(StaffPause, "Een medewerker heeft de zaak gepauzeerd.", []),
        new(StaffResume, "Een medewerker heeft de zaak hervat.", []),
        new(StaffStop, "Een medewerker heeft de zaak gestopt.", []),
        new(WrittenOff, "Een medewerker heeft de vordering oninbaar verklaard.", []),
    ];

    /// <summary>The event named <paramref name="name"/>, or null when unknown.</summary>
    public static CaseEventDefinition? Find(string name) => All.FirstOrDefault(e => e.Name == name);
}
