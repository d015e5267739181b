namespace Invordering.Letters;

/// <summary>A rendered letter: the HTML document, the template it came from and a SHA-256 hash of the HTML.</summary>
/// <param name="LetterCode">The letter code ("aanmaning").</param>
/// <param name="TemplateVersion">The version of the template set that rendered it.</param>
/// <param name="Html">The complete HTML document.</param>
/// <param name="ContentHash">SHA-256 of the UTF-8 bytes of <paramref name="Html"/>, 64 lowercase hex digits.</param>
public sealed record RenderedLetter(string LetterCode, int TemplateVersion, string Html, string ContentHash);
