using Invordering.Letters;

namespace Invordering.Letters.Tests;

/// <summary>The shipped templates (copied beside the tests) and one renderer built from them.</summary>
internal static class Shipped
{
    public static string Directory { get; } = Path.Combine(AppContext.BaseDirectory, "templates");

    public static TemplateSet Templates { get; } = TemplateSet.Load(Directory);

    private static readonly Lazy<LetterRenderer> LazyRenderer = new(() => new LetterRenderer(Templates));

    public static LetterRenderer Renderer => LazyRenderer.Value;

    public static DateOnly LetterDate { get; } = new(2026, 3, 12);

    public static IEnumerable<object[]> LetterCodes => Templates.Letters.Select(letter => new object[] { letter.Code });

    /// <summary>The complete sample with the letter's own title as subject.</summary>
    public static LetterModel Sample(string code) => LetterSamples.Complete(LetterDate, Templates.Letter(code).Title);
}
