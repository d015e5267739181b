namespace Invordering.Workflows;

/// <summary>What validation rules and steps see: the definition, its step graph and the letter templates that exist.</summary>
public sealed class ValidationContext(WorkflowDefinition definition, IReadOnlySet<string> templateCodes)
{
    /// <summary>The definition being validated.</summary>
    public WorkflowDefinition Definition { get; } = definition;

    /// <summary>The letter template codes a letter may use.</summary>
    public IReadOnlySet<string> TemplateCodes { get; } = templateCodes;

    /// <summary>The definition's steps as a graph.</summary>
    public WorkflowGraph Graph { get; } = new(definition);
}
