using System.Text.Json.Serialization;

namespace Invordering.Workflows;

/// <summary>The life cycle of a definition version.</summary>
public enum DefinitionStatus
{
    /// <summary>Being edited; starts no cases.</summary>
    [JsonStringEnumMemberName("draft")] Draft,

    /// <summary>Frozen; new cases of its segment start on it.</summary>
    [JsonStringEnumMemberName("published")] Published,

    /// <summary>Frozen; starts no new cases, but cases already on it run on.</summary>
    [JsonStringEnumMemberName("retired")] Retired,
}

/// <summary>One version of a workflow definition with its status: a draft may change, a published or retired version never does.</summary>
public sealed record DefinitionVersion
{
    private DefinitionVersion(WorkflowDefinition definition, DefinitionStatus status)
    {
        Definition = definition;
        Status = status;
    }

    /// <summary>The definition.</summary>
    public WorkflowDefinition Definition { get; }

    /// <summary>Where the version is in its life cycle.</summary>
    public DefinitionStatus Status { get; }

    /// <summary>Whether new cases start on this version.</summary>
    public bool StartsNewCases => Status == DefinitionStatus.Published;

    /// <summary>A new draft of <paramref name="definition"/>.</summary>
    public static DefinitionVersion Draft(WorkflowDefinition definition) => new(definition, DefinitionStatus.Draft);

    /// <summary>A version loaded from the store with its recorded status.</summary>
    public static DefinitionVersion Restore(WorkflowDefinition definition, DefinitionStatus status) => new(definition, status);

    /// <summary>The draft with <paramref name="changed"/> in place of its definition; only a draft changes.</summary>
    public DefinitionVersion Revise(WorkflowDefinition changed)
    {
        Require(DefinitionStatus.Draft, "wijzigen");
        if (changed.Id != Definition.Id || changed.Version != Definition.Version)
        {
            throw new InvalidOperationException($"Een concept van '{Definition.Id}' versie {Definition.Version} blijft die workflow en versie.");
        }

        return new DefinitionVersion(changed, DefinitionStatus.Draft);
    }

    /// <summary>Publishes the draft after <paramref name="validator"/> found no problems; throws <see cref="WorkflowDefinitionException"/> otherwise.</summary>
    public DefinitionVersion Publish(WorkflowValidator validator)
    {
        Require(DefinitionStatus.Draft, "publiceren");
        var errors = validator.Validate(Definition);
        if (errors.Count > 0)
        {
            throw new WorkflowDefinitionException(errors);
        }

        return new DefinitionVersion(Definition, DefinitionStatus.Published);
    }

    /// <summary>Retires the published version: no new cases start on it.</summary>
    public DefinitionVersion Retire()
    {
        Require(DefinitionStatus.Published, "intrekken");
        return new DefinitionVersion(Definition, DefinitionStatus.Retired);
    }

    private void Require(DefinitionStatus expected, string action)
    {
        if (Status != expected)
        {
            throw new InvalidOperationException(
                $"Versie {Definition.Version} van '{Definition.Id}' heeft status {Status.ToSlug()}; alleen een versie met status {expected.ToSlug()} kun je {action}.");
        }
    }
}
