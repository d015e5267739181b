using System.Text.RegularExpressions;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Letters;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Letters;

/// <summary>A draft to save: the Handlebars source, and for a letter optionally a new title and required model parts.</summary>
/// <param name="Source">The template text.</param>
/// <param name="Title">The letter's Dutch title; needed for a new letter, otherwise the current title is kept.</param>
/// <param name="Requires">The model parts the letter needs filled ("payBy"); when left out the current list is kept.</param>
public sealed record TemplateDraft(string Source, string? Title = null, IReadOnlyList<string>? Requires = null);

/// <summary>A template with its published and draft version, for the list of templates.</summary>
public sealed record TemplateSummary(string Code, string Kind, string? Title, int? PublishedVersion, DateTimeOffset? PublishedAt, int? DraftVersion);

/// <summary>A draft (or the published version) rendered on sample data, with the plain-language findings.</summary>
/// <param name="Code">The template previewed.</param>
/// <param name="Version">Its version; for text that was not saved, the version a draft of it would get.</param>
/// <param name="Status">"draft", "published" or "unsaved" (text sent with the request).</param>
/// <param name="LetterCode">The letter rendered: the template itself, or for the layout or a partial a letter that uses it.</param>
public sealed record TemplatePreview(string Code, int Version, string Status, string LetterCode, string Html, PlainLanguageReport PlainLanguage);

/// <summary>
/// The versions of the letter templates: draft, published (the one new letters use) and retired. A draft
/// is checked with the <see cref="TemplateValidator"/> against the published templates before it is saved
/// and again before it is published; a published version never changes.
/// </summary>
public static partial class LetterTemplateStore
{
    public const string SeedActor = "systeem";

    /// <summary>Loads the shipped templates folder as version 1, published, for every template not stored yet.</summary>
    public static async Task SeedAsync(InvorderingDbContext db, string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return;
        var shipped = TemplateSet.Load(folder, version: 1);
        var stored = await db.LetterTemplates.Select(t => t.Code).Distinct().ToListAsync(ct);
        var now = DateTimeOffset.UtcNow;
        var rows = new List<LetterTemplateRecord> { NewRow(TemplateSet.LayoutName, LetterTemplateKinds.Layout, shipped.Layout) };
        rows.AddRange(shipped.Partials.Select(p => NewRow(p.Key, LetterTemplateKinds.Partial, p.Value)));
        rows.AddRange(shipped.Letters.Select(l => NewRow(l.Code, LetterTemplateKinds.Letter, l.Source, l.Title, l.Model, l.Requires)));
        foreach (var row in rows.Where(r => !stored.Contains(r.Code)))
        {
            row.Version = 1;
            row.Status = "published";
            row.CreatedBy = SeedActor;
            row.CreatedAt = now;
            row.PublishedAt = now;
            db.LetterTemplates.Add(row);
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>Every template with its published and draft version: the layout first, then the partials, then the letters.</summary>
    public static async Task<IReadOnlyList<TemplateSummary>> ListAsync(InvorderingDbContext db, CancellationToken ct)
    {
        var rows = await db.LetterTemplates.AsNoTracking().Where(t => t.Status != "retired")
            .Select(t => new { t.Code, t.Kind, t.Title, t.Version, t.Status, t.PublishedAt }).ToListAsync(ct);
        return rows.GroupBy(t => t.Code)
            .Select(g =>
            {
                var published = g.FirstOrDefault(t => t.Status == "published");
                var draft = g.FirstOrDefault(t => t.Status == "draft");
                return new TemplateSummary(g.Key, g.First().Kind, (published ?? draft)!.Title, published?.Version, published?.PublishedAt, draft?.Version);
            })
            .OrderBy(t => KindOrder(t.Kind)).ThenBy(t => t.Code, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every version of one template, newest first.</summary>
    /// <exception cref="LetterTemplateException">The template does not exist.</exception>
    public static async Task<IReadOnlyList<LetterTemplateRecord>> VersionsAsync(InvorderingDbContext db, string code, CancellationToken ct)
    {
        var versions = await db.LetterTemplates.AsNoTracking().Where(t => t.Code == code).OrderByDescending(t => t.Version).ToListAsync(ct);
        return versions.Count > 0 ? versions : throw NotFound(code);
    }

    /// <summary>
    /// Saves the draft of a template (replacing an earlier draft of it) after checking it against the
    /// published templates. An unknown code with a title starts a new letter.
    /// </summary>
    /// <exception cref="InvalidTemplateException">The draft has errors; the Dutch messages say where and what.</exception>
    /// <exception cref="LetterTemplateException">The template does not exist and no title was given for a new letter.</exception>
    public static async Task<LetterTemplateRecord> SaveDraftAsync(InvorderingDbContext db, string code, TemplateDraft draft, string actor,
        CancellationToken ct)
    {
        var versions = await db.LetterTemplates.Where(t => t.Code == code).ToListAsync(ct);
        var current = versions.FirstOrDefault(t => t.Status == "draft") ?? versions.FirstOrDefault(t => t.Status == "published")
            ?? versions.MaxBy(t => t.Version);
        if (current is null && string.IsNullOrWhiteSpace(draft.Title))
            throw new LetterTemplateException(LetterTemplateProblem.Missing,
                $"Sjabloon '{code}' bestaat niet. Geef een titel mee om een nieuwe brief te maken.");

        var kind = current?.Kind ?? LetterTemplateKinds.Letter;
        var isLetter = kind == LetterTemplateKinds.Letter;
        var candidate = NewRow(code, kind, draft.Source,
            isLetter ? draft.Title ?? current?.Title : null,
            isLetter ? current?.Model ?? nameof(LetterModel) : null,
            isLetter ? draft.Requires ?? current?.Requires ?? [] : []);
        Check(CandidateSet(await PublishedRowsAsync(db, ct), candidate));

        var stored = versions.FirstOrDefault(t => t.Status == "draft");
        if (stored is null)
        {
            stored = candidate;
            stored.Version = versions.Select(t => t.Version).DefaultIfEmpty(0).Max() + 1;
            stored.Status = "draft";
            db.LetterTemplates.Add(stored);
        }
        else
        {
            stored.Source = candidate.Source;
            stored.Title = candidate.Title;
            stored.Requires = candidate.Requires;
        }
        stored.CreatedBy = actor;
        stored.CreatedAt = DateTimeOffset.UtcNow;
        Audit.Record(db, actor, "save-draft", "letter_template", code, details: new { stored.Version });
        await db.SaveChangesAsync(ct);
        return stored;
    }

    /// <summary>
    /// Publishes the draft of a template after checking it again, and retires the version published before it.
    /// Call <see cref="LetterTemplates.Invalidate"/> afterwards so that new letters use it at once.
    /// </summary>
    /// <exception cref="LetterTemplateException">The template does not exist or has no draft.</exception>
    /// <exception cref="InvalidTemplateException">The draft no longer fits the published templates.</exception>
    public static async Task<LetterTemplateRecord> PublishAsync(InvorderingDbContext db, string code, string actor, CancellationToken ct)
    {
        var versions = await db.LetterTemplates.Where(t => t.Code == code).ToListAsync(ct);
        if (versions.Count == 0) throw NotFound(code);
        var draft = versions.FirstOrDefault(t => t.Status == "draft")
            ?? throw new LetterTemplateException(LetterTemplateProblem.Conflict,
                $"Sjabloon '{code}' heeft geen concept om te publiceren. Sla eerst een concept op.");
        Check(CandidateSet(await PublishedRowsAsync(db, ct), draft));

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.LetterTemplates.Where(t => t.Code == code && t.Status == "published")
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, "retired"), ct);
        draft.Status = "published";
        draft.PublishedAt = DateTimeOffset.UtcNow;
        Audit.Record(db, actor, "publish", "letter_template", code, details: new { draft.Version });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return draft;
    }

    /// <summary>
    /// Renders a template on <see cref="LetterSamples"/> data dated <paramref name="letterDate"/>: the text given,
    /// else the saved draft, else the published version. The layout and a partial are shown in a letter that uses them.
    /// </summary>
    /// <exception cref="InvalidTemplateException">The text has errors.</exception>
    /// <exception cref="LetterTemplateException">The template does not exist.</exception>
    public static async Task<TemplatePreview> PreviewAsync(InvorderingDbContext db, string code, string? source, DateOnly letterDate,
        CancellationToken ct)
    {
        var versions = await VersionsAsync(db, code, ct);
        var shown = versions.FirstOrDefault(t => t.Status == "draft") ?? versions.FirstOrDefault(t => t.Status == "published") ?? versions[0];
        var status = shown.Status;
        if (source is not null)
        {
            shown = NewRow(code, shown.Kind, source, shown.Title, shown.Model, shown.Requires);
            shown.Version = status == "draft" ? versions[0].Version : versions[0].Version + 1;
            status = "unsaved";
        }

        var set = CandidateSet(await PublishedRowsAsync(db, ct), shown);
        var letter = shown.Kind == LetterTemplateKinds.Letter
            ? set.Letter(code)
            : set.Letters.FirstOrDefault(l => shown.Kind == LetterTemplateKinds.Layout || CallsPartial(l.Source, code)) ?? set.Letters[0];
        var renderer = new LetterRenderer(new TemplateSet(shown.Version, set.Layout, set.Partials, [letter]));
        var html = renderer.Render(letter.Code, LetterSamples.Complete(letterDate, letter.Title)).Html;
        return new TemplatePreview(code, shown.Version, status, letter.Code, html, new PlainLanguageChecker().Check(html));
    }

    private static Task<List<LetterTemplateRecord>> PublishedRowsAsync(InvorderingDbContext db, CancellationToken ct) =>
        db.LetterTemplates.AsNoTracking().Where(t => t.Status == "published").ToListAsync(ct);

    /// <summary>The published templates with <paramref name="candidate"/> in place of (or beside) its published version.</summary>
    private static TemplateSet CandidateSet(IReadOnlyList<LetterTemplateRecord> published, LetterTemplateRecord candidate)
    {
        if (string.IsNullOrWhiteSpace(candidate.Source))
            throw new InvalidTemplateException($"Sjabloon '{candidate.Code}' is leeg. Schrijf de tekst van het sjabloon.");
        return LetterTemplateSets.From(published.Where(t => t.Code != candidate.Code).Append(candidate), candidate.Version);
    }

    private static void Check(TemplateSet set)
    {
        var errors = set.Validate();
        if (errors.Count > 0) throw new InvalidTemplateException(errors);
    }

    private static LetterTemplateRecord NewRow(string code, string kind, string source, string? title = null, string? model = null,
        IReadOnlyList<string>? requires = null) =>
        new()
        {
            Code = code, Kind = kind, Status = "draft", Title = title, Model = model, Requires = [.. requires ?? []], Source = source,
            CreatedBy = SeedActor,
        };

    private static LetterTemplateException NotFound(string code) =>
        new(LetterTemplateProblem.Missing, $"Sjabloon '{code}' bestaat niet.");

    private static int KindOrder(string kind) => kind switch
    {
        LetterTemplateKinds.Layout => 0,
        LetterTemplateKinds.Partial => 1,
        _ => 2,
    };

    private static bool CallsPartial(string source, string partial) =>
        PartialCall().Matches(source).Any(m => m.Groups[1].Value == partial);

    [GeneratedRegex(@"\{\{~?#?>\s*""?([a-z0-9-]+)")]
    private static partial Regex PartialCall();
}
