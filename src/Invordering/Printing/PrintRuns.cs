using System.Globalization;
using Invordering.Infrastructure;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Printing;

/// <summary>Which stored letters to print: those of a letter date, of a template, or both; by default only letters not printed before.</summary>
public sealed record PrintSelection(DateOnly? LetterDate, string? TemplateCode, bool Reprint = false)
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>The selection in Dutch, as stored with the run ("brieven van 15 mei 2026, sjabloon aanmaning").</summary>
    public string Describe()
    {
        var parts = new List<string> { "brieven" };
        if (LetterDate is { } date) parts[0] += " van " + date.ToString("d MMMM yyyy", Dutch);
        if (TemplateCode is not null) parts.Add($"sjabloon {TemplateCode}");
        parts.Add(Reprint ? "ook al afgedrukte" : "nog niet afgedrukt");
        return string.Join(", ", parts);
    }
}

/// <summary>A stored print run, without its PDF.</summary>
public sealed record PrintRunSummary(long Id, DateTimeOffset CreatedAt, string CreatedBy, string Selection, int Letters, int Pages, string Sha256);

/// <summary>
/// Print runs: stored letters printed from their stored HTML into PDFs of at most
/// <see cref="PrintingOptions.MaxLettersPerRun"/> letters each, stored with the letters they hold.
/// </summary>
public sealed class PrintRuns(PdfPrinter printer)
{
    /// <summary>Prints the selected letters in the order they were made; returns the runs, none when no letter matched.</summary>
    /// <exception cref="PrintException">Chromium could not print.</exception>
    public async Task<IReadOnlyList<PrintRunSummary>> CreateAsync(InvorderingDbContext db, PrintSelection selection, string actor,
        CancellationToken ct)
    {
        var max = Math.Max(1, printer.Options.MaxLettersPerRun);
        var runs = new List<PrintRunSummary>();
        var part = new List<(long Id, string Html)>();
        string? partStyle = null;
        long after = 0;
        while (true)
        {
            var batch = await Selected(db, selection).Where(l => l.Id > after).OrderBy(l => l.Id).Take(max)
                .Select(l => new { l.Id, l.Html }).ToListAsync(ct);
            if (batch.Count == 0) break;
            foreach (var letter in batch)
            {
                var style = PrintDocument.StyleOf(letter.Html);
                if (part.Count == max || (part.Count > 0 && style != partStyle))
                {
                    runs.Add(await PrintAndStoreAsync(db, part, selection.Describe(), actor, ct));
                    part.Clear();
                }
                partStyle = style;
                part.Add((letter.Id, letter.Html));
            }
            after = batch[^1].Id;
        }
        if (part.Count > 0) runs.Add(await PrintAndStoreAsync(db, part, selection.Describe(), actor, ct));
        return runs;
    }

    /// <summary>One stored letter printed alone, from its stored HTML; null when the letter does not exist.</summary>
    /// <exception cref="PrintException">Chromium could not print.</exception>
    public async Task<PrintedPdf?> PrintLetterAsync(InvorderingDbContext db, long letterId, CancellationToken ct)
    {
        var html = await db.Letters.AsNoTracking().Where(l => l.Id == letterId).Select(l => l.Html).SingleOrDefaultAsync(ct);
        return html is null ? null : await printer.PrintAsync([html], ct);
    }

    private static IQueryable<Letter> Selected(InvorderingDbContext db, PrintSelection selection)
    {
        var letters = db.Letters.AsNoTracking();
        if (selection.LetterDate is { } date) letters = letters.Where(l => l.LetterDate == date);
        if (selection.TemplateCode is { } code) letters = letters.Where(l => l.TemplateCode == code);
        if (!selection.Reprint) letters = letters.Where(l => !db.PrintRunLetters.Any(p => p.LetterId == l.Id));
        return letters;
    }

    private async Task<PrintRunSummary> PrintAndStoreAsync(InvorderingDbContext db, List<(long Id, string Html)> letters, string selection,
        string actor, CancellationToken ct)
    {
        var printed = await printer.PrintAsync(letters.Select(l => l.Html).ToList(), ct);
        var run = new PrintRun
        {
            CreatedAt = DateTimeOffset.UtcNow, CreatedBy = actor, Selection = selection,
            LetterCount = letters.Count, PageCount = printed.Pages, Pdf = printed.Pdf, Sha256 = printed.Sha256,
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.PrintRuns.Add(run);
        await db.SaveChangesAsync(ct);
        var ids = letters.Select(l => l.Id).ToArray();
        await db.Database.ExecuteSqlAsync(
            $"INSERT INTO print_run_letters (run_id, letter_id, position) SELECT {run.Id}, id, ord FROM unnest({ids}) WITH ORDINALITY AS t(id, ord)",
            ct);
        Audit.Record(db, actor, "print", "print_run", run.Id, details: new { letters = letters.Count, pages = printed.Pages, selection });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.Entry(run).State = EntityState.Detached;
        return new PrintRunSummary(run.Id, run.CreatedAt, actor, selection, run.LetterCount, run.PageCount, run.Sha256);
    }
}
