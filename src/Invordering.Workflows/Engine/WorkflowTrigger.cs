namespace Invordering.Workflows;

/// <summary>What makes the engine advance an instance.</summary>
public abstract record WorkflowTrigger
{
    /// <summary>The trigger in Dutch words, for messages.</summary>
    public abstract string Describe();

    /// <summary>Starts a new instance at the definition's start step.</summary>
    public sealed record Start : WorkflowTrigger
    {
        /// <inheritdoc />
        public override string Describe() => "de start";
    }

    /// <summary>The instance's wake-up date has come.</summary>
    public sealed record TimerDue : WorkflowTrigger
    {
        /// <inheritdoc />
        public override string Describe() => "de wekdatum";
    }

    /// <summary>A person completed the open task with one of the task step's outcome names.</summary>
    public sealed record TaskCompleted(string Outcome) : WorkflowTrigger
    {
        /// <inheritdoc />
        public override string Describe() => $"een afgeronde taak ({Outcome})";
    }

    /// <summary>The bailiff reported the result of the seizure order.</summary>
    public sealed record BailiffResult(BailiffOutcome Outcome) : WorkflowTrigger
    {
        /// <inheritdoc />
        public override string Describe() => $"het resultaat van de deurwaarder ({Outcome.ToSlug()})";
    }

    /// <summary>A case-wide event from <see cref="CaseEventCatalogue"/>, with a result where the event has one (such as <c>toegekend</c>).</summary>
    public sealed record CaseEvent(string Name, string? Result = null) : WorkflowTrigger
    {
        /// <inheritdoc />
        public override string Describe() => $"gebeurtenis '{Name}'";
    }
}
