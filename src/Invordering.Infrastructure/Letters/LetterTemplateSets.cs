using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Letters;

namespace Invordering.Infrastructure.Letters;

/// <summary>Turns stored template rows into the template set the renderer and validator work with.</summary>
internal static class LetterTemplateSets
{
    /// <summary>One set of a layout, partials and letters (one row per code; letters ordered by code).</summary>
    /// <exception cref="LetterTemplateException">There is no layout among the rows.</exception>
    /// <exception cref="InvalidTemplateException">A name is invalid, a model unknown or a required part does not exist.</exception>
    public static TemplateSet From(IEnumerable<LetterTemplateRecord> rows, int version)
    {
        var list = rows.ToList();
        var layout = list.SingleOrDefault(t => t.Kind == LetterTemplateKinds.Layout)
            ?? throw new LetterTemplateException(LetterTemplateProblem.Missing,
                "Er is geen gepubliceerde opmaak (layout) voor de brieven. Draai eerst 'invordering migrate'.");
        var partials = list.Where(t => t.Kind == LetterTemplateKinds.Partial)
            .OrderBy(t => t.Code, StringComparer.Ordinal)
            .ToDictionary(t => t.Code, t => t.Source, StringComparer.Ordinal);
        var letters = list.Where(t => t.Kind == LetterTemplateKinds.Letter).OrderBy(t => t.Code, StringComparer.Ordinal).Select(ToLetter).ToList();
        return new TemplateSet(version, layout.Source, partials, letters);
    }

    public static LetterTemplate ToLetter(LetterTemplateRecord row) => new(row.Code, row.Title!, row.Model!, row.Requires, row.Source);
}
