namespace Invordering.Letters;

/// <summary>A realistic example letter model with every part filled in, for previews, benchmarks and template checks.</summary>
public static class LetterSamples
{
    /// <summary>A model for a fictitious tax office and debtor, dated <paramref name="letterDate"/>, with all optional parts set.</summary>
    /// <remarks>The payment plan starts a month after the letter; its missed instalment lies a week before the letter.</remarks>
    public static LetterModel Complete(DateOnly letterDate, string subject = "Voorbeeldbrief")
    {
        var firstInstalment = letterDate.AddMonths(1);
        var instalments = Enumerable.Range(0, 6)
            .Select(i => new InstalmentLine { Number = i + 1, DueDate = firstInstalment.AddMonths(i), AmountCents = i < 5 ? 12_000 : 17_640 })
            .ToList();
        return new LetterModel
        {
            Organisation = new OrganisationInfo
            {
                Name = "Belastingen Voorbeeldstad",
                AddressLines = ["Postbus 1234", "1000 AB  Voorbeeldstad"],
                Phone = "088 555 01 23",
                PhoneHours = "op werkdagen van 9.00 tot 17.00 uur",
                Website = "www.belastingen-voorbeeldstad.nl",
                Iban = "NL91ABNA0417164300",
                Bic = "ABNANL2A",
            },
            Recipient = new RecipientInfo
            {
                Name = "K. Yılmaz",
                Street = "Dorpsstraat",
                HouseNumber = "12 A",
                Postcode = "1234 AB",
                City = "Voorbeeldstad",
            },
            LetterDate = letterDate,
            Subject = subject,
            CaseReference = "IZ-2026-004711",
            Claims =
            [
                new ClaimLine { AssessmentNumber = "2026.0012.3456", TaxKind = "Onroerendezaakbelasting", TaxYear = 2026, AmountCents = 61_240, OpenAmountCents = 41_240 },
                new ClaimLine { AssessmentNumber = "2026.0012.3457", TaxKind = "Afvalstoffenheffing", TaxYear = 2026, AmountCents = 34_500, OpenAmountCents = 34_500 },
            ],
            Costs = [new CostLine { Label = "Kosten aanmaning", AmountCents = 1_900 }],
            UpcomingCost = new CostLine { Label = "Kosten dwangbevel", AmountCents = 4_900 },
            PayBy = letterDate.AddDays(14),
            RespondBy = letterDate.AddDays(10),
            PaymentReference = "3202600012345678",
            Contact = new ContactInfo { Name = "Fatima de Vries", Phone = "088 555 01 45" },
            AttemptDate = letterDate.AddDays(-2),
            PaymentPlan = new PaymentPlanInfo
            {
                Instalments = instalments,
                MissedInstalment = new InstalmentLine { Number = 1, DueDate = letterDate.AddDays(-7), AmountCents = 12_000 },
            },
            DebtHelp = new DebtHelpInfo { Name = "Schuldhulp Voorbeeldstad", Phone = "088 555 07 00", Website = "www.voorbeeldstad.nl/schulden" },
        };
    }
}
