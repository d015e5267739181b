namespace Invordering.Domain.Segmentation;

/// <summary>One named fact about a debtor that segmentation rules may look at: always a whole number, never negative.</summary>
public sealed record SegmentationFact(string Name, string Description);

/// <summary>
/// The catalogue of debtor facts, counted over the payment history of the last
/// <see cref="HistoryYears"/> years (relative to the service's today) and the current assessments.
/// A rule naming any other fact is refused.
/// </summary>
public static class SegmentationFacts
{
    /// <summary>How many years of payment history the facts look back.</summary>
    public const int HistoryYears = 3;

    public const string Claims = "claims";
    public const string OnTime = "onTime";
    public const string OnTimePercent = "onTimePercent";
    public const string PaidByReminderPercent = "paidByReminderPercent";
    public const string AfterReminder = "afterReminder";
    public const string AfterDemand = "afterDemand";
    public const string AfterWrit = "afterWrit";
    public const string AfterRenewedWrit = "afterRenewedWrit";
    public const string PaidToBailiff = "paidToBailiff";
    public const string PaidAfterWrit = "paidAfterWrit";
    public const string SeizureWithoutResult = "seizureWithoutResult";
    public const string PaymentPlanKept = "paymentPlanKept";
    public const string PaymentPlanLapsed = "paymentPlanLapsed";
    public const string RemissionGranted = "remissionGranted";
    public const string RemissionGrantedLastYear = "remissionGrantedLastYear";
    public const string RemissionRefused = "remissionRefused";
    public const string WrittenOff = "writtenOff";
    public const string AverageDaysLate = "averageDaysLate";
    public const string DirectDebitAssessments = "directDebitAssessments";

    /// <summary>Every fact, in the order explanations and documents show them.</summary>
    public static IReadOnlyList<SegmentationFact> All { get; } =
    [
        new(Claims, "Aantal vorderingen in de afgelopen drie jaar"),
        new(OnTime, "Aantal daarvan op tijd betaald (op-tijd)"),
        new(OnTimePercent, "Percentage op tijd betaald"),
        new(PaidByReminderPercent, "Percentage op tijd of na een kosteloze herinnering betaald"),
        new(AfterReminder, "Aantal betaald na een kosteloze herinnering (na-herinnering)"),
        new(AfterDemand, "Aantal betaald na een aanmaning (na-aanmaning)"),
        new(AfterWrit, "Aantal betaald na een dwangbevel (na-dwangbevel)"),
        new(AfterRenewedWrit, "Aantal betaald na een hernieuwd bevel (na-hernieuwd-bevel)"),
        new(PaidToBailiff, "Aantal pas aan de deurwaarder betaald (deurwaarder-betaald)"),
        new(PaidAfterWrit, "Aantal pas na een dwangbevel of later betaald (na-dwangbevel, na-hernieuwd-bevel of deurwaarder-betaald)"),
        new(SeizureWithoutResult, "Aantal keer beslag zonder resultaat (beslag-zonder-resultaat)"),
        new(PaymentPlanKept, "Aantal betalingsregelingen nagekomen (regeling-nagekomen)"),
        new(PaymentPlanLapsed, "Aantal betalingsregelingen vervallen (regeling-vervallen)"),
        new(RemissionGranted, "Aantal keer kwijtschelding toegekend (kwijtschelding-toegekend)"),
        new(RemissionGrantedLastYear, "Aantal keer kwijtschelding toegekend in het afgelopen jaar"),
        new(RemissionRefused, "Aantal keer kwijtschelding afgewezen (kwijtschelding-afgewezen)"),
        new(WrittenOff, "Aantal vorderingen oninbaar verklaard (oninbaar)"),
        new(AverageDaysLate, "Gemiddeld aantal dagen te laat betaald"),
        new(DirectDebitAssessments, "Aantal aanslagen van dit en vorig belastingjaar met automatische incasso"),
    ];

    /// <summary>The fact named <paramref name="name"/>, or null when the catalogue does not know it.</summary>
    public static SegmentationFact? Find(string name) => All.FirstOrDefault(f => f.Name == name);
}
