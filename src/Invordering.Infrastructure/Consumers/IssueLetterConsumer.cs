using System.Text.Json;
using Invordering.Domain;
using Invordering.Infrastructure.Letters;
using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Tariffs;
using Invordering.Letters;
using Invordering.Workflows;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Invordering.Infrastructure.Consumers;

/// <summary>
/// Charges each letter's statutory costs (from the tariff valid on the letter date), renders the
/// letter from its published template and stores it with the data used and its hash; one letter and
/// one cost per command, however often the command arrives. A letter run is set-based: the commands
/// come in batches, and a batch is one transaction with one query per table, whose inbox rows make
/// every command count once. A letter that cannot be made (its data breaks a rule) becomes an
/// incident at once; the other letters of its batch go out.
/// </summary>
public sealed class IssueLetterConsumer(InvorderingDbContext db, LetterTemplates templates, OrganisationOptions organisation)
    : IConsumer<Batch<IssueLetter>>
{
    /// <summary>Commands per batch (and so per transaction).</summary>
    public const int BatchSize = 100;

    /// <summary>Batches in progress at once, each with its own database connection.</summary>
    public const int ConcurrentBatches = 4;

    private static readonly Dictionary<string, string> CostLabels = new()
    {
        ["aanmaning"] = "Kosten aanmaning",
        ["dwangbevel"] = "Kosten dwangbevel",
        ["hernieuwd-bevel"] = "Kosten hernieuwd bevel",
    };

    public async Task Consume(ConsumeContext<Batch<IssueLetter>> context)
    {
        var ct = context.CancellationToken;
        // A batch may hold a message and its redelivery: one command per MessageId.
        var byMessage = new Dictionary<Guid, IssueLetter>();
        foreach (var message in context.Message)
            byMessage.TryAdd(message.MessageId ?? throw new InvalidOperationException("IssueLetter arrived without a MessageId."), message.Message);

        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            db.Database.AutoSavepointsEnabled = false;
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            var transaction = (NpgsqlTransaction)tx.GetDbTransaction();
            var fresh = await ClaimInboxAsync(connection, transaction, byMessage.Keys, ct);
            if (fresh.Count == 0) return;
            var commands = fresh.ToDictionary(id => id, id => byMessage[id]);
            await LockCasesAsync(connection, transaction, commands.Values.Select(c => c.CaseId), ct);
            var failed = await IssueAsync(connection, transaction, commands, ct);
            await ParkAsync(connection, transaction, failed, ct);
            await tx.CommitAsync(ct);
        });
    }

    /// <summary>Inserts the inbox rows of the batch (in one order, so two batches never deadlock); returns the ids not handled before.</summary>
    private static async Task<List<Guid>> ClaimInboxAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IEnumerable<Guid> ids, CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO inbox_messages (message_id, consumer)
            SELECT id, @consumer FROM unnest(@ids) AS id ORDER BY id
            ON CONFLICT DO NOTHING
            RETURNING message_id
            """, connection, tx);
        insert.Parameters.AddWithValue("consumer", nameof(IssueLetterConsumer));
        insert.Parameters.AddWithValue("ids", ids.ToArray());
        var fresh = new List<Guid>();
        await using var reader = await insert.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) fresh.Add(reader.GetGuid(0));
        return fresh;
    }

    /// <summary>
    /// Locks the batch's cases (in id order), so that a batch with letters for the same case as another batch in progress
    /// waits for it, and then sees the costs it charged.
    /// </summary>
    private static async Task LockCasesAsync(NpgsqlConnection connection, NpgsqlTransaction tx, IEnumerable<long> caseIds, CancellationToken ct)
    {
        await using var lockCases = new NpgsqlCommand(
            "SELECT id FROM collection_cases WHERE id = ANY(@ids) ORDER BY id FOR UPDATE", connection, tx);
        lockCases.Parameters.AddWithValue("ids", caseIds.Distinct().ToArray());
        await lockCases.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stores the letters, their costs and their LetterIssued events; returns the commands that could not be made, with why.</summary>
    private async Task<List<(Guid MessageId, IssueLetter Command, string Error)>> IssueAsync(NpgsqlConnection connection, NpgsqlTransaction tx,
        Dictionary<Guid, IssueLetter> commands, CancellationToken ct)
    {
        var caseIds = commands.Values.Select(c => c.CaseId).Distinct().ToList();
        var commandIds = commands.Values.Select(c => c.CommandId).ToList();
        var found = await db.CollectionCases.AsNoTracking().Where(c => caseIds.Contains(c.Id))
            .Join(db.Assessments, c => c.AssessmentId, a => a.Id, (c, a) => new { Case = c, Assessment = a })
            .Join(db.Debtors, x => x.Case.DebtorId, d => d.Id, (x, d) => new CaseData(x.Case, x.Assessment, d))
            .ToDictionaryAsync(x => x.Case.Id, ct);
        var tariffs = await TariffStore.TableAsync(db, ct);
        var costs = (await db.CaseCosts.AsNoTracking().Where(c => caseIds.Contains(c.CaseId)).OrderBy(c => c.Id)
                .Select(c => new { c.CaseId, Line = new CostLine { Label = c.Kind, AmountCents = c.AmountCents } }).ToListAsync(ct))
            .GroupBy(c => c.CaseId).ToDictionary(g => g.Key, g => g.Select(c => c.Line).ToList());
        var issuedBefore = (await db.Letters.AsNoTracking().Where(l => commandIds.Contains(l.CommandId)).Select(l => l.CommandId).ToListAsync(ct))
            .ToHashSet();
        var plans = await PaymentPlansAsync(caseIds, ct);
        var letters = await templates.PublishedAsync(db, ct);

        var failed = new List<(Guid, IssueLetter, string)>();
        var issued = new List<(IssueLetter Command, Letter Letter)>();
        foreach (var (messageId, command) in commands)
        {
            if (issuedBefore.Contains(command.CommandId)) continue;
            try
            {
                var data = found.GetValueOrDefault(command.CaseId) ?? throw new InvalidOperationException($"Zaak {command.CaseId} bestaat niet.");
                var caseCosts = costs.TryGetValue(command.CaseId, out var lines) ? lines : costs[command.CaseId] = [];
                var (cost, letter) = Make(command, data, tariffs.ValidOn(command.LetterDate), caseCosts, plans.GetValueOrDefault(command.CaseId), letters);
                if (cost is not null)
                {
                    db.CaseCosts.Add(cost);
                    caseCosts.Add(new CostLine { Label = cost.Kind, AmountCents = cost.AmountCents });
                }
                issued.Add((command, letter));
            }
            catch (Exception ex) when (ex is InvalidOperationException or ArgumentException)
            {
                failed.Add((messageId, command, ex.Message));
            }
        }
        await db.SaveChangesAsync(ct);
        var letterIds = await StoreLettersAsync(connection, tx, issued.Select(i => i.Letter).ToList(), ct);
        await Outbox.AddAsync(connection, tx,
            issued.Select(i => (object)new LetterIssued(i.Command.CommandId, i.Command.CaseId, letterIds[i.Command.CommandId], i.Command.TemplateCode)).ToList(), ct);
        return failed;
    }

    /// <summary>Inserts the batch's letters in one statement; returns each letter's id by its command.</summary>
    private static async Task<Dictionary<Guid, long>> StoreLettersAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<Letter> letters,
        CancellationToken ct)
    {
        var ids = new Dictionary<Guid, long>(letters.Count);
        if (letters.Count == 0) return ids;
        await using var insert = new NpgsqlCommand(
            """
            INSERT INTO letters (case_id, template_code, template_version, letter_date, pay_by, html, data, content_hash, command_id, created_at)
            SELECT u.case_id, u.template_code, u.template_version, u.letter_date, u.pay_by, u.html, u.data::jsonb, u.content_hash, u.command_id, u.created_at
            FROM unnest(@cases, @templates, @versions, @dates, @payBy, @html, @data, @hashes, @commands, @created)
                 AS u(case_id, template_code, template_version, letter_date, pay_by, html, data, content_hash, command_id, created_at)
            RETURNING id, command_id
            """, connection, tx);
        insert.Parameters.AddWithValue("cases", letters.Select(l => l.CaseId).ToArray());
        insert.Parameters.AddWithValue("templates", letters.Select(l => l.TemplateCode).ToArray());
        insert.Parameters.AddWithValue("versions", letters.Select(l => l.TemplateVersion).ToArray());
        insert.Parameters.AddWithValue("dates", letters.Select(l => l.LetterDate).ToArray());
        insert.Parameters.Add(new NpgsqlParameter("payBy", NpgsqlDbType.Array | NpgsqlDbType.Date) { Value = letters.Select(l => (object?)l.PayBy).ToArray() });
        insert.Parameters.AddWithValue("html", letters.Select(l => l.Html).ToArray());
        insert.Parameters.AddWithValue("data", letters.Select(l => l.Data).ToArray());
        insert.Parameters.AddWithValue("hashes", letters.Select(l => l.ContentHash).ToArray());
        insert.Parameters.AddWithValue("commands", letters.Select(l => l.CommandId).ToArray());
        insert.Parameters.AddWithValue("created", letters.Select(l => l.CreatedAt).ToArray());
        await using var reader = await insert.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) ids[reader.GetGuid(1)] = reader.GetInt64(0);
        return ids;
    }

    private sealed record CaseData(CollectionCase Case, Assessment Assessment, Debtor Debtor);

    /// <summary>The cost the letter charges (if any) and the letter, rendered; <paramref name="caseCosts"/> are the case's costs so far.</summary>
    private (CaseCost? Cost, Letter Letter) Make(IssueLetter command, CaseData found, CostTariff tariff, List<CostLine> caseCosts,
        PlanData? plan, PublishedLetters letters)
    {
        var open = new Money(Math.Max(0, found.Assessment.AmountCents - found.Assessment.PaidCents));
        var cost = command.CostKind is { } kind
            ? new CaseCost
            {
                CaseId = command.CaseId,
                Kind = kind,
                AmountCents = CostOf(kind, open, tariff).Cents,
                ChargedOn = command.LetterDate,
                Reason = command.CostReason,
                CommandId = command.CommandId,
                CreatedAt = DateTimeOffset.UtcNow,
            }
            : null;
        var costs = cost is null ? caseCosts : [.. caseCosts, new CostLine { Label = cost.Kind, AmountCents = cost.AmountCents }];

        var model = new LetterModel
        {
            Organisation = organisation.ToLetterhead(),
            Recipient = new RecipientInfo
            {
                Name = found.Debtor.Name, Street = found.Debtor.Street, HouseNumber = found.Debtor.HouseNumber,
                Postcode = found.Debtor.Postcode, City = found.Debtor.City,
            },
            LetterDate = command.LetterDate,
            Subject = letters.TitleOf(command.TemplateCode),
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
            PaymentPlan = plan is null ? null : PaymentPlanOf(plan, found.Assessment.PaidCents, command.LetterDate),
        };
        var rendered = letters.Render(command.TemplateCode, model);
        return (cost, new Letter
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
        });
    }

    private sealed record PlanData(long PaidBeforeCents, List<InstalmentLine> Terms);

    /// <summary>Each case's latest payment plan with its terms, for the cases that have one.</summary>
    private async Task<Dictionary<long, PlanData>> PaymentPlansAsync(List<long> caseIds, CancellationToken ct)
    {
        var latest = (await db.PaymentPlans.AsNoTracking().Where(p => caseIds.Contains(p.CaseId)).ToListAsync(ct))
            .GroupBy(p => p.CaseId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Id)!);
        if (latest.Count == 0) return [];
        var planIds = latest.Values.Select(p => p.Id).ToList();
        var terms = (await db.PaymentPlanInstalments.AsNoTracking().Where(i => planIds.Contains(i.PlanId)).OrderBy(i => i.Sequence)
                .Select(i => new { i.PlanId, Line = new InstalmentLine { Number = i.Sequence, DueDate = i.DueDate, AmountCents = i.AmountCents } })
                .ToListAsync(ct))
            .ToLookup(t => t.PlanId, t => t.Line);
        return latest.ToDictionary(p => p.Key, p => new PlanData(p.Value.PaidBeforeCents, terms[p.Value.Id].ToList()));
    }

    /// <summary>The plan's terms, and the first past term not covered by what was paid under the plan as the missed one.</summary>
    private static PaymentPlanInfo PaymentPlanOf(PlanData plan, long paidCents, DateOnly letterDate)
    {
        var paidUnderPlan = paidCents - plan.PaidBeforeCents;
        long due = 0;
        InstalmentLine? missed = null;
        foreach (var term in plan.Terms.Where(t => t.DueDate < letterDate))
        {
            due += term.AmountCents;
            if (due > paidUnderPlan) { missed = term; break; }
        }
        return new PaymentPlanInfo { Instalments = plan.Terms, MissedInstalment = missed };
    }

    /// <summary>Letters that could not be made: their inbox rows go, and each becomes an open incident for staff (as a fault would).</summary>
    private static async Task ParkAsync(NpgsqlConnection connection, NpgsqlTransaction tx, List<(Guid MessageId, IssueLetter Command, string Error)> failed,
        CancellationToken ct)
    {
        if (failed.Count == 0) return;
        await using var park = new NpgsqlCommand(
            """
            DELETE FROM inbox_messages WHERE consumer = @consumer AND message_id = ANY(@ids);
            INSERT INTO message_incidents (message_id, message_type, case_id, error)
            SELECT u.id, 'IssueLetter', c.id, u.error
            FROM unnest(@ids, @cases, @errors) AS u(id, case_id, error) LEFT JOIN collection_cases c ON c.id = u.case_id
            ON CONFLICT (message_id) DO NOTHING;
            """, connection, tx);
        park.Parameters.AddWithValue("consumer", nameof(IssueLetterConsumer));
        park.Parameters.AddWithValue("ids", failed.Select(f => f.MessageId).ToArray());
        park.Parameters.AddWithValue("cases", failed.Select(f => f.Command.CaseId).ToArray());
        park.Parameters.AddWithValue("errors", failed.Select(f => f.Error).ToArray());
        await park.ExecuteNonQueryAsync(ct);
    }

    private static Money CostOf(string kind, Money open, CostTariff tariff) =>
        (EnumSlugExtensions.FromSlug<CostKind>(kind) ?? throw new InvalidOperationException($"Onbekende kostensoort '{kind}'.")).Charge(open, tariff);

    /// <summary>What the next step will cost if the debtor does not pay: told in the letter, never charged here.</summary>
    private static CostLine? UpcomingCost(string templateCode, Money open, CostTariff tariff) => templateCode switch
    {
        "herinnering" => new CostLine { Label = "Kosten aanmaning", AmountCents = CollectionCosts.Demand(open, tariff).Cents },
        "aanmaning" => new CostLine { Label = "Kosten dwangbevel", AmountCents = CollectionCosts.Writ(open, tariff).Cents },
        _ => null,
    };
}

/// <summary>Batches for <see cref="IssueLetterConsumer"/>: the endpoint takes in enough messages to fill its batches.</summary>
public sealed class IssueLetterConsumerDefinition : ConsumerDefinition<IssueLetterConsumer>
{
    public IssueLetterConsumerDefinition() =>
        ConcurrentMessageLimit = IssueLetterConsumer.BatchSize * IssueLetterConsumer.ConcurrentBatches;

    protected override void ConfigureConsumer(IReceiveEndpointConfigurator endpointConfigurator,
        IConsumerConfigurator<IssueLetterConsumer> consumerConfigurator, IRegistrationContext context)
    {
        if (endpointConfigurator is IRabbitMqReceiveEndpointConfigurator rabbit)
            rabbit.PrefetchCount = IssueLetterConsumer.BatchSize * IssueLetterConsumer.ConcurrentBatches;
        consumerConfigurator.Options<BatchOptions>(o => o
            .SetMessageLimit(IssueLetterConsumer.BatchSize)
            .SetTimeLimit(TimeSpan.FromMilliseconds(50))
            .SetConcurrencyLimit(IssueLetterConsumer.ConcurrentBatches));
    }
}
