namespace Invordering.Workflows;

/// <summary>A workflow definition: the steps a collection case goes through for one segment, with case-wide event handlers.</summary>
public sealed record WorkflowDefinition
{
    /// <summary>The stable id, such as <c>wil-niet</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The version number, set by the definition store (not by the file).</summary>
    public int Version { get; init; }

    /// <summary>The Dutch title shown to staff.</summary>
    public required string Title { get; init; }

    /// <summary>The segment slug this workflow serves.</summary>
    public required string Segment { get; init; }

    /// <summary>The id of the first step.</summary>
    public required string StartStepId { get; init; }

    /// <summary>The steps by their stable id, in file order.</summary>
    public required IReadOnlyDictionary<string, WorkflowStep> Steps { get; init; }

    /// <summary>The case-wide event handlers by event name; they apply in every step.</summary>
    public required IReadOnlyDictionary<string, EventHandlerDefinition> Events { get; init; }

    /// <summary>The step with id <paramref name="stepId"/>, or null.</summary>
    public WorkflowStep? FindStep(string stepId) => Steps.GetValueOrDefault(stepId);
}
