namespace Invordering.Domain;

/// <summary>How an assessment in the previous system's payment history was settled (the <c>uitkomst</c> of the history file).</summary>
public enum HistoryOutcome
{
    /// <summary>Paid on time (<c>op-tijd</c>).</summary>
    OnTime,

    /// <summary>Paid after a free reminder (<c>na-herinnering</c>).</summary>
    AfterReminder,

    /// <summary>Paid after a demand (<c>na-aanmaning</c>).</summary>
    AfterDemand,

    /// <summary>Paid after a writ (<c>na-dwangbevel</c>).</summary>
    AfterWrit,

    /// <summary>Paid after a renewed writ (<c>na-hernieuwd-bevel</c>).</summary>
    AfterRenewedWrit,

    /// <summary>Paid to the external bailiff (<c>deurwaarder-betaald</c>).</summary>
    PaidToBailiff,

    /// <summary>Seizure without result (<c>beslag-zonder-resultaat</c>).</summary>
    SeizureWithoutResult,

    /// <summary>Payment plan kept (<c>regeling-nagekomen</c>).</summary>
    PaymentPlanKept,

    /// <summary>Payment plan lapsed (<c>regeling-vervallen</c>).</summary>
    PaymentPlanLapsed,

    /// <summary>Remission granted (<c>kwijtschelding-toegekend</c>).</summary>
    RemissionGranted,

    /// <summary>Remission refused (<c>kwijtschelding-afgewezen</c>).</summary>
    RemissionRefused,

    /// <summary>Written off as uncollectible (<c>oninbaar</c>).</summary>
    WrittenOff,
}
