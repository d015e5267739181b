namespace Invordering.Letters;

/// <summary>A problem found in a template: which template, where (1-based line and column) and a Dutch message.</summary>
public sealed record TemplateError(string Template, int Line, int Column, string Message)
{
    /// <summary>The error as one Dutch line: "aanmaning, regel 3, kolom 5: ...".</summary>
    public override string ToString() => $"{Template}, regel {Line}, kolom {Column}: {Message}";
}
