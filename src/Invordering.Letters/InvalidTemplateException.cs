namespace Invordering.Letters;

/// <summary>Thrown when a template set cannot be loaded or used; the message and errors are in Dutch.</summary>
public sealed class InvalidTemplateException : Exception
{
    /// <summary>Creates the exception for one problem that is not tied to a line.</summary>
    public InvalidTemplateException(string message)
        : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception for the validation errors found in a template set.</summary>
    public InvalidTemplateException(IReadOnlyList<TemplateError> errors)
        : base($"De sjablonen bevatten {errors.Count} fout(en):{Environment.NewLine}{string.Join(Environment.NewLine, errors)}")
    {
        Errors = errors;
    }

    /// <summary>The validation errors, empty when the problem is not tied to a line.</summary>
    public IReadOnlyList<TemplateError> Errors { get; }
}
