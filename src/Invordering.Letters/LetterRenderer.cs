using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using HandlebarsDotNet;

namespace Invordering.Letters;

/// <summary>Renders letters to HTML from a template set that it validates and compiles once; safe to share between threads.</summary>
public sealed class LetterRenderer
{
    private readonly Dictionary<string, CompiledLetter> letters = new(StringComparer.Ordinal);

    /// <summary>Validates and compiles every letter of the set, each wrapped in the layout.</summary>
    /// <exception cref="InvalidTemplateException">A template has validation errors; <see cref="InvalidTemplateException.Errors"/> lists them.</exception>
    public LetterRenderer(TemplateSet templates)
    {
        var errors = templates.Validate();
        if (errors.Count > 0)
        {
            throw new InvalidTemplateException(errors);
        }

        Templates = templates;
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { FormatProvider = CultureInfo.InvariantCulture });
        foreach (var helper in LetterHelpers.All)
        {
            handlebars.RegisterHelper(helper.Name, (HandlebarsReturnHelper)((_, arguments) =>
                arguments.Length == 1 && arguments[0] is { } value && helper.Accepts.Contains(value.GetType())
                    ? helper.Format(value)
                    : ""));
        }

        handlebars.RegisterTemplate(TemplateSet.LayoutName, templates.Layout);
        foreach (var (name, source) in templates.Partials)
        {
            handlebars.RegisterTemplate(name, source);
        }

        foreach (var letter in templates.Letters)
        {
            var modelType = LetterModels.ByName[letter.Model];
            var required = letter.Requires.Select(path => ModelPath.Resolve(modelType, path)!).ToList();
            var compiled = handlebars.Compile($"{{{{#> {TemplateSet.LayoutName}}}}}{letter.Source}{{{{/{TemplateSet.LayoutName}}}}}");
            letters.Add(letter.Code, new CompiledLetter(required, compiled));
        }
    }

    /// <summary>The template set this renderer was built from.</summary>
    public TemplateSet Templates { get; }

    /// <summary>Renders one letter for one recipient.</summary>
    /// <exception cref="ArgumentException">The code is unknown, or the model lacks a part the letter requires (Dutch message).</exception>
    public RenderedLetter Render(string letterCode, LetterModel model)
    {
        if (!letters.TryGetValue(letterCode, out var letter))
        {
            throw new ArgumentException(
                $"Onbekende brief '{letterCode}'. Bestaande brieven: {string.Join(", ", letters.Keys)}.", nameof(letterCode));
        }

        var missing = letter.Required.Where(path => !path.IsFilledIn(model)).Select(path => path.Path).ToList();
        if (missing.Count > 0)
        {
            throw new ArgumentException(
                $"Voor brief '{letterCode}' ontbreken deze gegevens: {string.Join(", ", missing)}.", nameof(model));
        }

        var html = letter.Template(model);
        return new RenderedLetter(letterCode, Templates.Version, html, Sha256Hex(html));
    }

    /// <summary>SHA-256 of the UTF-8 bytes of a text, as 64 lowercase hex digits.</summary>
    public static string Sha256Hex(string text)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(text, buffer);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private sealed record CompiledLetter(IReadOnlyList<ModelPath> Required, HandlebarsTemplate<object, object> Template);
}
