namespace Invordering.Workflows;

/// <summary>The facts about one collection case that decisions may look at; the caller fills them in before every advance.</summary>
public sealed record CaseFacts
{
    /// <summary>The amount still open on the claim, in cents.</summary>
    public long OpenAmountCents { get; init; }

    /// <summary>The amount of the assessment when it was issued, in cents.</summary>
    public long OriginalAmountCents { get; init; }

    /// <summary>Days since the due date (vervaldatum); zero or less means not yet due.</summary>
    public int DaysPastDue { get; init; }

    /// <summary>The debtor's segment slug.</summary>
    public string Segment { get; init; } = "";

    /// <summary>Whether a phone number is known for the debtor.</summary>
    public bool HasPhoneNumber { get; init; }

    /// <summary>Whether a payment plan for the claim is running and up to date.</summary>
    public bool HasPaymentPlan { get; init; }

    /// <summary>Whether a remission request is pending.</summary>
    public bool RemissionPending { get; init; }

    /// <summary>Whether a deferral (uitstel) has been granted, for example during an objection.</summary>
    public bool DeferralGranted { get; init; }

    /// <summary>How many writs (dwangbevelen) the debtor received in the last five years.</summary>
    public int PreviousWrits { get; init; }

    /// <summary>How many claims of the debtor are open, this one included.</summary>
    public int OpenClaims { get; init; }

    /// <summary>Whether the debtor is a company rather than a person.</summary>
    public bool IsCompany { get; init; }
}
