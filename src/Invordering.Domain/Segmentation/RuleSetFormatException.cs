namespace Invordering.Domain.Segmentation;

/// <summary>A rule set that cannot be read or does not pass validation; the message says why, in Dutch.</summary>
public sealed class RuleSetFormatException(string message, IReadOnlyList<RuleSetError>? errors = null) : Exception(message)
{
    /// <summary>The validation errors, when validation failed.</summary>
    public IReadOnlyList<RuleSetError> Errors { get; } = errors ?? [];
}
