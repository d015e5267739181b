using System.Text.Json.Serialization;

namespace Invordering.Workflows;

/// <summary>The kind of statutory costs a letter charges.</summary>
public enum CostKind
{
    /// <summary>Aanmaning costs.</summary>
    [JsonStringEnumMemberName("aanmaning")] Demand,

    /// <summary>Dwangbevel costs.</summary>
    [JsonStringEnumMemberName("dwangbevel")] Writ,

    /// <summary>Hernieuwd bevel costs.</summary>
    [JsonStringEnumMemberName("hernieuwd-bevel")] RenewedWrit,
}

/// <summary>How a wait step counts its days.</summary>
public enum WaitKind
{
    /// <summary>Calendar days.</summary>
    [JsonStringEnumMemberName("calendar")] Calendar,

    /// <summary>Working days (Monday to Friday without public holidays).</summary>
    [JsonStringEnumMemberName("working")] Working,
}

/// <summary>The kind of work a task step asks a person to do.</summary>
public enum TaskKind
{
    /// <summary>A phone call to the debtor.</summary>
    [JsonStringEnumMemberName("telefoon")] PhoneCall,

    /// <summary>A home visit by the field team.</summary>
    [JsonStringEnumMemberName("huisbezoek")] HomeVisit,

    /// <summary>A review by staff, such as deciding on a write-off.</summary>
    [JsonStringEnumMemberName("beoordeling")] Review,
}

/// <summary>How a collection case ends.</summary>
public enum CaseOutcome
{
    /// <summary>Paid in full.</summary>
    [JsonStringEnumMemberName("betaald")] Paid,

    /// <summary>Continues under a payment plan.</summary>
    [JsonStringEnumMemberName("regeling")] PaymentPlan,

    /// <summary>Remission granted.</summary>
    [JsonStringEnumMemberName("kwijtschelding")] Remission,

    /// <summary>Written off as uncollectible.</summary>
    [JsonStringEnumMemberName("oninbaar")] WriteOff,

    /// <summary>Left with the external bailiff.</summary>
    [JsonStringEnumMemberName("deurwaarder")] Bailiff,

    /// <summary>Referred to debt help.</summary>
    [JsonStringEnumMemberName("schuldhulp")] DebtHelp,

    /// <summary>Stopped by staff.</summary>
    [JsonStringEnumMemberName("gestopt")] Stopped,
}

/// <summary>What the external bailiff reports back after a seizure order.</summary>
public enum BailiffOutcome
{
    /// <summary>Paid in full.</summary>
    [JsonStringEnumMemberName("betaald")] Paid,

    /// <summary>Partly paid.</summary>
    [JsonStringEnumMemberName("deels-betaald")] PartlyPaid,

    /// <summary>Nothing to collect.</summary>
    [JsonStringEnumMemberName("niets-te-halen")] NothingToCollect,
}

/// <summary>What a case-wide event handler does.</summary>
public enum EventAction
{
    /// <summary>Record the event (and send its letter, if any); the workflow carries on as it was.</summary>
    [JsonStringEnumMemberName("continue")] Continue,

    /// <summary>Put a hold on the workflow: it stands still until every hold is lifted.</summary>
    [JsonStringEnumMemberName("pause")] Pause,

    /// <summary>Lift a hold; when none is left, the paused step is entered again.</summary>
    [JsonStringEnumMemberName("resume")] Resume,

    /// <summary>End the workflow with an outcome.</summary>
    [JsonStringEnumMemberName("end")] End,
}
