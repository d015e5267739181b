namespace Invordering.Workflows;

/// <summary>Something the engine asks the outside world to do; the caller turns effects into messages through the outbox.</summary>
public abstract record WorkflowEffect
{
    /// <summary>The effect in Dutch words, for the journal.</summary>
    public abstract string Describe();
}

/// <summary>Send a letter from a template, possibly charging statutory costs, with the date to pay by.</summary>
public sealed record IssueLetterEffect(string TemplateCode, CostKind? CostKind, DateOnly? PayBy, string? CostReason = null) : WorkflowEffect
{
    /// <inheritdoc />
    public override string Describe()
    {
        var costs = CostKind is { } kind ? $" met kosten ({kind.ToSlug()})" : " zonder kosten";
        var term = PayBy is { } date ? $", te betalen uiterlijk {DutchDate.Format(date)}" : "";
        return $"Brief '{TemplateCode}'{costs}{term}.";
    }
}

/// <summary>Create a task for a person (phone call, home visit, review) with its due date and the outcomes to choose from.</summary>
public sealed record CreateTaskEffect(string StepId, TaskKind Kind, DateOnly DueDate, IReadOnlyList<TaskOutcome> Outcomes, string? Title) : WorkflowEffect
{
    /// <inheritdoc />
    public override string Describe() => $"Taak '{Kind.ToSlug()}' aangemaakt, af te handelen uiterlijk {DutchDate.Format(DueDate)}.";
}

/// <summary>Cancel the open task the instance was waiting for (because it paused or ended).</summary>
public sealed record CancelTaskEffect(string StepId) : WorkflowEffect
{
    /// <inheritdoc />
    public override string Describe() => "Openstaande taak ingetrokken.";
}

/// <summary>Send a seizure order (beslagopdracht) to the external bailiff.</summary>
public sealed record SeizureOrderEffect(string StepId) : WorkflowEffect
{
    /// <inheritdoc />
    public override string Describe() => "Beslagopdracht naar de deurwaarder gestuurd.";
}

/// <summary>Recall the seizure order from the bailiff (because the instance paused or ended).</summary>
public sealed record RecallSeizureOrderEffect(string StepId) : WorkflowEffect
{
    /// <inheritdoc />
    public override string Describe() => "Beslagopdracht bij de deurwaarder ingetrokken.";
}

/// <summary>Continue the case in another workflow: by workflow id, or the published workflow of a segment.</summary>
public sealed record SwitchWorkflowEffect(string? WorkflowId, string? Segment) : WorkflowEffect
{
    /// <inheritdoc />
    public override string Describe() => WorkflowId is not null
        ? $"Zaak gaat verder in workflow '{WorkflowId}'."
        : $"Zaak gaat verder in de workflow van klantgroep '{Segment}'.";
}

/// <summary>Close the collection case with an outcome.</summary>
public sealed record CompleteCaseEffect(CaseOutcome Outcome) : WorkflowEffect
{
    /// <inheritdoc />
    public override string Describe() => $"Zaak afgesloten met uitkomst '{Outcome.ToSlug()}'.";
}
