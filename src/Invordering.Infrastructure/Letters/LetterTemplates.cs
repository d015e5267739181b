using Invordering.Letters;

namespace Invordering.Infrastructure.Letters;

/// <summary>The shipped letter templates, loaded and compiled once from the templates/ folder beside the executable.</summary>
public sealed class LetterTemplates
{
    private readonly Lazy<LetterRenderer> _renderer;

    public LetterTemplates(string directory) =>
        _renderer = new Lazy<LetterRenderer>(() => new LetterRenderer(TemplateSet.Load(directory)));

    public LetterRenderer Renderer => _renderer.Value;

    public string TitleOf(string code) => Renderer.Templates.Letter(code).Title;
}
