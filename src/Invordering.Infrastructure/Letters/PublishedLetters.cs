using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Letters;

namespace Invordering.Infrastructure.Letters;

/// <summary>
/// The published versions of the layout, the partials and the letters, compiled; safe to share between threads.
/// A rendered letter carries the version of its own letter template.
/// </summary>
public sealed class PublishedLetters
{
    private readonly Dictionary<string, LetterRenderer> _rendererByCode;

    private PublishedLetters(string stamp, TemplateSet templates, Dictionary<string, LetterRenderer> rendererByCode)
    {
        Stamp = stamp;
        Templates = templates;
        _rendererByCode = rendererByCode;
    }

    /// <summary>Which rows these are (their ids), to tell whether a publication changed them.</summary>
    public string Stamp { get; }

    /// <summary>All published templates as one set (its own version number means nothing; each letter's does).</summary>
    public TemplateSet Templates { get; }

    /// <summary>The letter codes, in order.</summary>
    public IEnumerable<string> Codes => Templates.Letters.Select(letter => letter.Code);

    /// <summary>The Dutch title of a letter, its usual subject line.</summary>
    /// <exception cref="ArgumentException">No letter has this code.</exception>
    public string TitleOf(string code) => Templates.Letter(code).Title;

    /// <summary>The renderer that renders letter <paramref name="code"/> as its published version.</summary>
    /// <exception cref="ArgumentException">No letter has this code.</exception>
    public LetterRenderer RendererFor(string code) =>
        _rendererByCode.TryGetValue(code, out var renderer) ? renderer : throw new ArgumentException(
            $"Onbekende brief '{code}'. Bestaande brieven: {string.Join(", ", Codes)}.", nameof(code));

    /// <summary>Renders one letter with its published version.</summary>
    /// <exception cref="ArgumentException">The code is unknown or the model lacks a part the letter requires (Dutch message).</exception>
    public RenderedLetter Render(string code, LetterModel model) => RendererFor(code).Render(code, model);

    /// <summary>Compiles the published rows: one renderer per letter version in use, sharing the layout and partials.</summary>
    /// <exception cref="LetterTemplateException">There is no published layout.</exception>
    /// <exception cref="InvalidTemplateException">The published templates do not fit together.</exception>
    public static PublishedLetters Compile(IReadOnlyList<LetterTemplateRecord> published)
    {
        var templates = LetterTemplateSets.From(published, version: 0);
        var lettersByVersion = published.Where(t => t.Kind == LetterTemplateKinds.Letter).GroupBy(t => t.Version);
        var rendererByCode = new Dictionary<string, LetterRenderer>(StringComparer.Ordinal);
        foreach (var group in lettersByVersion)
        {
            var renderer = new LetterRenderer(new TemplateSet(group.Key, templates.Layout, templates.Partials,
                group.OrderBy(t => t.Code, StringComparer.Ordinal).Select(LetterTemplateSets.ToLetter).ToList()));
            foreach (var letter in group) rendererByCode.Add(letter.Code, renderer);
        }
        return new PublishedLetters(StampOf(published.Select(t => t.Id)), templates, rendererByCode);
    }

    /// <summary>The stamp of a set of published rows: their ids in order.</summary>
    public static string StampOf(IEnumerable<long> ids) => string.Join(',', ids.Order());
}
