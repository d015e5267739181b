namespace Invordering.Workflows;

/// <summary>One problem with a workflow definition: the step it is about (if any), a stable code and a Dutch message.</summary>
public sealed record ValidationError(string? StepId, string Code, string Message)
{
    /// <summary>An error about step <paramref name="stepId"/>; the message is prefixed with <c>Stap 'id': </c>.</summary>
    public static ValidationError ForStep(string stepId, string code, string message) =>
        new(stepId, code, $"Stap '{stepId}': {message}");
}

/// <summary>Thrown when a definition file cannot be loaded, or a definition cannot be published; carries every problem found.</summary>
public sealed class WorkflowDefinitionException(IReadOnlyList<ValidationError> errors)
    : Exception(string.Join(Environment.NewLine, errors.Select(e => e.Message)))
{
    /// <summary>The problems found.</summary>
    public IReadOnlyList<ValidationError> Errors { get; } = errors;
}
