namespace Invordering.Letters;

/// <summary>Everything a letter template can show: one model whose optional parts a letter asks for in letters.json.</summary>
/// <remarks>
/// Templates address members in camelCase (<c>{{recipient.name}}</c>, <c>{{euro totalCents}}</c>).
/// Amounts are whole euro cents; dates that the law counts are <see cref="DateOnly"/>.
/// </remarks>
public sealed record LetterModel
{
    /// <summary>The sender: the tax office that signs the letter.</summary>
    public required OrganisationInfo Organisation { get; init; }

    /// <summary>The person the letter is addressed to.</summary>
    public required RecipientInfo Recipient { get; init; }

    /// <summary>The date printed on the letter (dagtekening).</summary>
    public required DateOnly LetterDate { get; init; }

    /// <summary>The subject line, usually the letter's title from letters.json.</summary>
    public required string Subject { get; init; }

    /// <summary>Our reference for the collection case ("ons kenmerk").</summary>
    public required string CaseReference { get; init; }

    /// <summary>The assessments (aanslagen) this letter is about.</summary>
    public IReadOnlyList<ClaimLine> Claims { get; init; } = [];

    /// <summary>Collection costs charged so far (aanmaning, dwangbevel, ...), each with its label.</summary>
    public IReadOnlyList<CostLine> Costs { get; init; } = [];

    /// <summary>A cost that will be charged if the recipient does not act, shown under "what happens if not".</summary>
    public CostLine? UpcomingCost { get; init; }

    /// <summary>The last day the payment must have reached us.</summary>
    public DateOnly? PayBy { get; init; }

    /// <summary>The last day we ask the recipient to call or reply (letters that ask for contact, not payment).</summary>
    public DateOnly? RespondBy { get; init; }

    /// <summary>The betalingskenmerk (16 digits) to put with the payment.</summary>
    public string? PaymentReference { get; init; }

    /// <summary>The staff member to call; without it letters give the organisation's phone number.</summary>
    public ContactInfo? Contact { get; init; }

    /// <summary>The day we tried to call (niet-bereikt) or came by (huisbezoek-kaart).</summary>
    public DateOnly? AttemptDate { get; init; }

    /// <summary>The payment plan (betalingsregeling) for plan letters.</summary>
    public PaymentPlanInfo? PaymentPlan { get; init; }

    /// <summary>Where the recipient can get free debt help (schuldhulp) in their municipality.</summary>
    public DebtHelpInfo? DebtHelp { get; init; }

    /// <summary>The open amount of all claims, in cents.</summary>
    public long OpenCents => Claims.Sum(claim => claim.OpenAmountCents);

    /// <summary>The costs charged so far, in cents.</summary>
    public long CostsCents => Costs.Sum(cost => cost.AmountCents);

    /// <summary>Everything still to pay: open amounts plus costs, in cents.</summary>
    public long TotalCents => OpenCents + CostsCents;
}

/// <summary>The sending tax office as printed in the letterhead and footer.</summary>
public sealed record OrganisationInfo
{
    /// <summary>Name of the organisation, also the account holder of the IBAN.</summary>
    public required string Name { get; init; }

    /// <summary>Postal address lines (street, postcode and city, ...).</summary>
    public required IReadOnlyList<string> AddressLines { get; init; }

    /// <summary>The general phone number.</summary>
    public required string Phone { get; init; }

    /// <summary>When the phone is answered, as a phrase ("op werkdagen van 9.00 tot 17.00 uur").</summary>
    public string? PhoneHours { get; init; }

    /// <summary>The website, without scheme ("www.gemeentebelastingen.nl").</summary>
    public required string Website { get; init; }

    /// <summary>The account to pay to.</summary>
    public required string Iban { get; init; }

    /// <summary>The BIC, for payments from abroad.</summary>
    public string? Bic { get; init; }
}

/// <summary>The addressee and their postal address.</summary>
public sealed record RecipientInfo
{
    /// <summary>Name as it goes on the envelope ("K. Yılmaz").</summary>
    public required string Name { get; init; }

    /// <summary>Street name.</summary>
    public required string Street { get; init; }

    /// <summary>House number with any addition ("12 A").</summary>
    public required string HouseNumber { get; init; }

    /// <summary>Postcode ("1234 AB").</summary>
    public required string Postcode { get; init; }

    /// <summary>City or town.</summary>
    public required string City { get; init; }
}

/// <summary>One assessment (aanslag) in the amounts table.</summary>
public sealed record ClaimLine
{
    /// <summary>The assessment number (aanslagnummer).</summary>
    public required string AssessmentNumber { get; init; }

    /// <summary>The kind of tax in Dutch ("Onroerendezaakbelasting").</summary>
    public required string TaxKind { get; init; }

    /// <summary>The tax year (belastingjaar).</summary>
    public required int TaxYear { get; init; }

    /// <summary>The assessed amount, in cents.</summary>
    public required long AmountCents { get; init; }

    /// <summary>What is still open of it, in cents.</summary>
    public required long OpenAmountCents { get; init; }
}

/// <summary>A collection cost with its label ("Kosten aanmaning").</summary>
public sealed record CostLine
{
    /// <summary>What the cost is for, in Dutch.</summary>
    public required string Label { get; init; }

    /// <summary>The amount, in cents.</summary>
    public required long AmountCents { get; init; }
}

/// <summary>The staff member the recipient can call.</summary>
public sealed record ContactInfo
{
    /// <summary>Name of the staff member.</summary>
    public required string Name { get; init; }

    /// <summary>Their direct phone number.</summary>
    public required string Phone { get; init; }
}

/// <summary>A payment plan (betalingsregeling) and its schedule.</summary>
public sealed record PaymentPlanInfo
{
    /// <summary>The instalments (termijnen) in date order.</summary>
    public required IReadOnlyList<InstalmentLine> Instalments { get; init; }

    /// <summary>The instalment that was not paid, for the missed-instalment letter.</summary>
    public InstalmentLine? MissedInstalment { get; init; }

    /// <summary>The number of instalments.</summary>
    public int InstalmentCount => Instalments.Count;

    /// <summary>The sum of all instalments, in cents.</summary>
    public long TotalCents => Instalments.Sum(instalment => instalment.AmountCents);
}

/// <summary>One instalment (termijn) of a payment plan.</summary>
public sealed record InstalmentLine
{
    /// <summary>Its number in the schedule, from 1.</summary>
    public required int Number { get; init; }

    /// <summary>The day it must be paid.</summary>
    public required DateOnly DueDate { get; init; }

    /// <summary>The amount, in cents.</summary>
    public required long AmountCents { get; init; }
}

/// <summary>Where to get free debt help (schuldhulp).</summary>
public sealed record DebtHelpInfo
{
    /// <summary>Name of the service ("Schuldhulp gemeente Tiel").</summary>
    public required string Name { get; init; }

    /// <summary>Its phone number.</summary>
    public required string Phone { get; init; }

    /// <summary>Its website, without scheme.</summary>
    public string? Website { get; init; }
}
