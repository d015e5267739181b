namespace Invordering.Infrastructure.Letters;

/// <summary>What went wrong with a template request that is not a fault in the template text itself.</summary>
public enum LetterTemplateProblem
{
    /// <summary>The template (or any published template) does not exist.</summary>
    Missing,

    /// <summary>The request does not fit the template's state, such as publishing without a draft.</summary>
    Conflict,
}

/// <summary>A template request cannot be done; the message says why, in Dutch. Faults in template text are <see cref="Invordering.Letters.InvalidTemplateException"/>.</summary>
public sealed class LetterTemplateException(LetterTemplateProblem problem, string message) : Exception(message)
{
    public LetterTemplateProblem Problem { get; } = problem;
}
