using Invordering.Infrastructure.Letters;
using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Letters;
using Invordering.TestSupport;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Tests.Letters;

/// <summary>A collection case and stored letters for it, made directly in a test database.</summary>
internal static class LetterFixtures
{
    /// <summary>One debtor with one assessment and an open case; returns the case id.</summary>
    public static Task<long> CaseAsync(TestDatabase db) =>
        db.ScalarAsync<long>(
            """
            INSERT INTO import_batches (kind, file_name, sha256, status, created_by) VALUES ('aanslagen', 'test', repeat('0', 64), 'merged', 'test');
            INSERT INTO debtors (bsn, name, street, house_number, postcode, city)
            VALUES ('111222333', 'J. de Vries', 'Dorpsstraat', '12', '1234AB', 'Voorbeeldstad');
            INSERT INTO assessments (assessment_number, debtor_id, tax_year, issue_date, due_date, amount_cents, payment_reference, content_hash, batch_id)
            SELECT '2026000001', d.id, 2026, DATE '2026-02-28', DATE '2026-04-30', 75740, '3202600012345678', 0, b.id
            FROM debtors d, import_batches b;
            INSERT INTO collection_cases (assessment_id, debtor_id, opened_on, segment)
            SELECT id, debtor_id, DATE '2026-05-01', 'wil-niet' FROM assessments RETURNING id;
            """);

    /// <summary>Stores one letter per code, rendered by the published templates on sample data; returns their ids in order.</summary>
    public static async Task<IReadOnlyList<long>> StoreAsync(TestDatabase database, LetterTemplates templates, long caseId,
        IReadOnlyList<string> codes, DateOnly letterDate)
    {
        await using var db = database.CreateContext();
        var published = await templates.PublishedAsync(db, CancellationToken.None);
        var letters = codes.Select(code =>
        {
            var rendered = published.Render(code, LetterSamples.Complete(letterDate, published.TitleOf(code)));
            return new Letter
            {
                CaseId = caseId, TemplateCode = code, TemplateVersion = rendered.TemplateVersion, LetterDate = letterDate,
                Html = rendered.Html, Data = "{}", ContentHash = rendered.ContentHash, CommandId = Guid.NewGuid(), CreatedAt = DateTimeOffset.UtcNow,
            };
        }).ToList();
        db.Letters.AddRange(letters);
        await db.SaveChangesAsync();
        return letters.Select(l => l.Id).ToList();
    }

    /// <summary>Asks the running service to issue a letter (through the outbox, as a workflow does) and waits until it is stored.</summary>
    public static async Task<Letter> IssueAsync(TestDatabase database, long caseId, string code, DateOnly letterDate)
    {
        var command = new IssueLetter(Guid.NewGuid(), caseId, 0, code, null, null, letterDate, letterDate.AddDays(14));
        await using (var db = database.CreateContext())
        {
            Outbox.Add(db, command);
            await db.SaveChangesAsync();
        }

        Letter? letter = null;
        await Eventually.HoldsAsync(async () =>
        {
            await using var db = database.CreateContext();
            letter = await db.Letters.AsNoTracking().SingleOrDefaultAsync(l => l.CommandId == command.CommandId);
            return letter is not null;
        }, $"letter '{code}' is issued");
        return letter!;
    }
}
