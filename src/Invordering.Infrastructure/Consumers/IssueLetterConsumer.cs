using System.Text.Json;
using Invordering.Domain;
using Invordering.Infrastructure.Letters;
using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Letters;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Consumers;

/// <summary>
/// Charges the letter's statutory costs (from the tariff valid on the letter date), renders the
/// letter from its template and stores it with the data used and its hash; one letter and one
/// cost per command, however often the command arrives.
/// </summary>
public sealed class IssueLetterConsumer(InvorderingDbContext db, LetterTemplates templates, OrganisationOptions organisation)
    : IdempotentConsumer<IssueLetter>(db)
{
    private static readonly Dictionary<string, string> CostLabels = new()
    {
        ["aanmaning"] = "Kosten aanmaning",
        ["dwangbevel"] = "Kosten dwangbevel",
        ["hernieuwd-bevel"] = "Kosten hernieuwd bevel",
    };

    protected override async Task HandleAsync(IssueLetter command, CancellationToken ct)
    {
        if (await Db.Letters.AnyAsync(l => l.CommandId == command.CommandId, ct)) return;
        var found = await Db.CollectionCases.Where(c => c.Id == command.CaseId)
            .Join(Db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { Case = c, Assessment = a })
            .Join(Db.Debtors, x => x.Case.DebtorId, d => d.Id, (x, d) => new { x.Case, x.Assessment, Debtor = d })
            .SingleAsync(ct);
        var tariffs = new TariffTable((await Db.CostTariffs.AsNoTracking().ToListAsync(ct)).Select(t => t.ToTariff()));
        var tariff = tariffs.ValidOn(command.LetterDate);
        var open = new Money(Math.Max(0, found.Assessment.AmountCents - found.Assessment.PaidCents));

        if (command.CostKind is { } kind)
            Db.CaseCosts.Add(new CaseCost
            {
                CaseId = command.CaseId,
                Kind = kind,
                AmountCents = CostOf(kind, open, tariff).Cents,
                ChargedOn = command.LetterDate,
                Reason = command.CostReason,
                CommandId = command.CommandId,
                CreatedAt = DateTimeOffset.UtcNow,
            });
        await Db.SaveChangesAsync(ct);
        var costs = await Db.CaseCosts.AsNoTracking().Where(c => c.CaseId == command.CaseId).OrderBy(c => c.Id)
            .Select(c => new CostLine { Label = c.Kind, AmountCents = c.AmountCents }).ToListAsync(ct);

        var model = new LetterModel
        {
            Organisation = organisation.ToLetterhead(),
            Recipient = new RecipientInfo
            {
                Name = found.Debtor.Name, Street = found.Debtor.Street, HouseNumber = found.Debtor.HouseNumber,
                Postcode = found.Debtor.Postcode, City = found.Debtor.City,
            },
            LetterDate = command.LetterDate,
            Subject = templates.TitleOf(command.TemplateCode),
            CaseReference = $"Z{command.CaseId:D8}",
            Claims =
            [
                new ClaimLine
                {
                    AssessmentNumber = found.Assessment.AssessmentNumber, TaxKind = found.Assessment.TaxKind ?? "gemeentelijke belastingen",
                    TaxYear = found.Assessment.TaxYear, AmountCents = found.Assessment.AmountCents, OpenAmountCents = open.Cents,
                },
            ],
            Costs = costs.Select(c => c with { Label = CostLabels.GetValueOrDefault(c.Label, c.Label) }).ToList(),
            UpcomingCost = UpcomingCost(command.TemplateCode, open, tariff),
            PayBy = command.PayBy,
            RespondBy = command.PayBy ?? command.LetterDate.AddDays(14),
            AttemptDate = command.LetterDate,
            PaymentReference = found.Assessment.PaymentReference,
            Contact = new ContactInfo { Name = organisation.Name, Phone = organisation.Phone },
            DebtHelp = organisation.ToDebtHelp(),
        };
        var rendered = templates.Renderer.Render(command.TemplateCode, model);
        var letter = new Letter
        {
            CaseId = command.CaseId,
            TemplateCode = command.TemplateCode,
            TemplateVersion = rendered.TemplateVersion,
            LetterDate = command.LetterDate,
            PayBy = command.PayBy,
            Html = rendered.Html,
            Data = JsonSerializer.Serialize(model, JsonSerializerOptions.Web),
            ContentHash = rendered.ContentHash,
            CommandId = command.CommandId,
            CreatedAt = DateTimeOffset.UtcNow,
        };
        Db.Letters.Add(letter);
        await Db.SaveChangesAsync(ct);
        Outbox.Add(Db, new LetterIssued(command.CommandId, command.CaseId, letter.Id, command.TemplateCode));
    }

    private static Money CostOf(string kind, Money open, CostTariff tariff) => kind switch
    {
        "aanmaning" => CollectionCosts.Demand(open, tariff),
        "dwangbevel" => CollectionCosts.Writ(open, tariff),
        "hernieuwd-bevel" => CollectionCosts.RenewedWrit(tariff),
        _ => throw new InvalidOperationException($"Onbekende kostensoort '{kind}'."),
    };

    /// <summary>What the next step will cost if the debtor does not pay: told in the letter, never charged here.</summary>
    private static CostLine? UpcomingCost(string templateCode, Money open, CostTariff tariff) => templateCode switch
    {
        "herinnering" => new CostLine { Label = "Kosten aanmaning", AmountCents = CollectionCosts.Demand(open, tariff).Cents },
        "aanmaning" => new CostLine { Label = "Kosten dwangbevel", AmountCents = CollectionCosts.Writ(open, tariff).Cents },
        _ => null,
    };
}
