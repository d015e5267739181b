namespace Invordering.Infrastructure.Persistence.Entities;

/// <summary>One version of a letter template: the layout, a partial (onderdeel) or a letter (draft, published or retired).</summary>
public sealed class LetterTemplateRecord
{
    public long Id { get; set; }
    public required string Code { get; set; }
    public required string Kind { get; set; }
    public int Version { get; set; }
    public required string Status { get; set; }

    /// <summary>The letter's Dutch title; letters only.</summary>
    public string? Title { get; set; }

    /// <summary>The model type the letter renders; letters only.</summary>
    public string? Model { get; set; }

    /// <summary>The model parts the letter needs filled ("payBy"); empty for the layout and partials.</summary>
    public List<string> Requires { get; set; } = [];

    public required string Source { get; set; }
    public required string CreatedBy { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
}

/// <summary>The kinds of letter template, as stored in letter_templates.kind.</summary>
public static class LetterTemplateKinds
{
    public const string Layout = "layout";
    public const string Partial = "partial";
    public const string Letter = "letter";
}
