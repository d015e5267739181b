namespace Invordering.Workflows;

/// <summary>
/// The workflow interpreter. Pure: it takes a definition, an instance state, the case facts, today's date and a
/// trigger, and returns the new state, the effects to carry out and the journal entries to append. It runs steps
/// until the instance must wait (timer, task, bailiff, pause) or ends. An advance is all or nothing: when it
/// fails, no effects come out and the instance is marked failed where the advance began.
/// </summary>
public sealed class WorkflowEngine
{
    /// <summary>The default number of steps one advance may enter before it is stopped as a loop.</summary>
    public const int DefaultStepBudget = 100;

    private readonly IWorkingDays workingDays;
    private readonly int stepBudget;

    /// <summary>An engine counting working days with <paramref name="workingDays"/>, entering at most <paramref name="stepBudget"/> steps per advance.</summary>
    public WorkflowEngine(IWorkingDays workingDays, int stepBudget = DefaultStepBudget)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stepBudget, 1);
        this.workingDays = workingDays;
        this.stepBudget = stepBudget;
    }

    /// <summary>Advances <paramref name="state"/> of <paramref name="definition"/> on <paramref name="trigger"/>.</summary>
    public AdvanceResult Advance(
        WorkflowDefinition definition, WorkflowInstanceState state, CaseFacts facts, DateOnly today, WorkflowTrigger trigger)
    {
        if (state.DefinitionId != definition.Id || state.DefinitionVersion != definition.Version)
        {
            throw new ArgumentException(
                $"De workflow loopt op '{state.DefinitionId}' versie {state.DefinitionVersion}, niet op '{definition.Id}' versie {definition.Version}.",
                nameof(definition));
        }

        var session = new AdvanceSession(definition, state, facts, today, workingDays, stepBudget);
        return trigger switch
        {
            WorkflowTrigger.Start => session.Start(),
            WorkflowTrigger.TimerDue => session.ResumeStep(WorkflowStatus.Waiting, trigger),
            WorkflowTrigger.TaskCompleted => session.ResumeStep(WorkflowStatus.WaitingForTask, trigger),
            WorkflowTrigger.BailiffResult => session.ResumeStep(WorkflowStatus.WaitingForBailiff, trigger),
            WorkflowTrigger.CaseEvent caseEvent => session.HandleEvent(caseEvent),
            _ => throw new ArgumentException($"Onbekende trigger {trigger.GetType().Name}.", nameof(trigger)),
        };
    }
}
