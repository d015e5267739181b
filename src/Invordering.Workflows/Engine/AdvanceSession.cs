namespace Invordering.Workflows;

/// <summary>One advance of one instance: runs steps and collects the new state, effects and journal entries.</summary>
internal sealed class AdvanceSession(
    WorkflowDefinition definition,
    WorkflowInstanceState original,
    CaseFacts facts,
    DateOnly today,
    IWorkingDays workingDays,
    int stepBudget)
{
    private readonly List<WorkflowEffect> effects = [];
    private readonly List<JournalEntry> journal = [];
    private readonly WorkflowInstanceState before = original;
    private WorkflowInstanceState state = original;
    private int stepsEntered;

    public AdvanceResult Start()
    {
        if (state.Status != WorkflowStatus.NotStarted)
        {
            return Refuse(null, "trigger-past-niet", "De workflow is al gestart.");
        }

        if (facts.DaysPastDue < 1)
        {
            return Refuse(null, "nog-niet-vervallen", "De vervaldatum is nog niet verstreken; de workflow start pas daarna.");
        }

        return Run(definition.StartStepId, null);
    }

    public AdvanceResult ResumeStep(WorkflowStatus expected, WorkflowTrigger trigger)
    {
        if (state.Status != expected || state.CurrentStepId is not { } stepId)
        {
            return Refuse(state.CurrentStepId, "trigger-past-niet",
                $"De workflow wacht niet op {trigger.Describe()}; status: {state.Status.ToDutch()}.");
        }

        if (trigger is WorkflowTrigger.TimerDue && state.WakeUp > today)
        {
            return Refuse(stepId, "te-vroeg", $"De wektijd is {DutchDate.Format(state.WakeUp.Value)}, nog niet bereikt.");
        }

        return definition.FindStep(stepId) is { } step
            ? Run(stepId, step.Resume(Context(stepId), trigger))
            : Fail(stepId, "onbekende-stap", $"Stap '{stepId}' bestaat niet in deze versie van de workflow.");
    }

    public AdvanceResult HandleEvent(WorkflowTrigger.CaseEvent caseEvent)
    {
        if (CaseEventCatalogue.Find(caseEvent.Name) is not { } known)
        {
            return Refuse(state.CurrentStepId, "onbekende-gebeurtenis", $"Gebeurtenis '{caseEvent.Name}' bestaat niet.");
        }

        var resultFits = caseEvent.Result is null ? known.Results.Count == 0 : known.Results.Contains(caseEvent.Result);
        if (!resultFits)
        {
            var expected = known.Results.Count > 0 ? $"een van: {string.Join(", ", known.Results)}" : "geen resultaat";
            return Refuse(state.CurrentStepId, "onbekend-resultaat",
                $"Gebeurtenis '{caseEvent.Name}' met resultaat '{caseEvent.Result}': verwacht {expected}.");
        }

        if (state.Status == WorkflowStatus.NotStarted || !state.IsActive || state.CurrentStepId is not { } stepId)
        {
            return Refuse(state.CurrentStepId, "trigger-past-niet",
                $"Gebeurtenis '{caseEvent.Name}' komt te laat of te vroeg; status: {state.Status.ToDutch()}.");
        }

        var label = caseEvent.Result is null ? caseEvent.Name : $"{caseEvent.Name} ({caseEvent.Result})";
        Write(JournalKind.Event, stepId, $"Gebeurtenis '{label}': {known.Description}");
        if (definition.Events.GetValueOrDefault(caseEvent.Name)?.For(caseEvent.Result) is not { } handler)
        {
            Write(JournalKind.Event, stepId, "Deze workflow doet niets met deze gebeurtenis; hij loopt door zoals hij liep.");
            return Done();
        }

        return handler.Action switch
        {
            EventAction.Pause => Pause(stepId, handler),
            EventAction.Resume => Resume(stepId, handler),
            EventAction.End => EndByEvent(stepId, handler),
            _ => SendLetterAndFinish(stepId, handler),
        };
    }

    private AdvanceResult SendLetterAndFinish(string stepId, EventHandlerDefinition handler)
    {
        SendLetter(stepId, handler);
        return Done();
    }

    private AdvanceResult Pause(string stepId, EventHandlerDefinition handler)
    {
        var hold = handler.Hold!;
        if (state.Holds.Contains(hold))
        {
            Write(JournalKind.Paused, stepId, $"De workflow stond al stil om '{hold}'.");
            return Done();
        }

        Interrupt(stepId);
        SendLetter(stepId, handler);
        var alreadyPaused = state.Status == WorkflowStatus.Paused;
        state = state with { Status = WorkflowStatus.Paused, WakeUp = null, Holds = [.. state.Holds, hold] };
        Write(JournalKind.Paused, stepId, alreadyPaused
            ? $"De workflow staat ook stil om '{hold}'."
            : $"De workflow staat stil om '{hold}'; bij hervatten begint stap '{stepId}' opnieuw.");
        return Done();
    }

    private AdvanceResult Resume(string stepId, EventHandlerDefinition handler)
    {
        var hold = handler.Hold!;
        if (!state.Holds.Contains(hold))
        {
            Write(JournalKind.Resumed, stepId, $"De workflow stond niet stil om '{hold}'; er verandert niets.");
            return Done();
        }

        SendLetter(stepId, handler);
        state = state with { Holds = state.Holds.Where(h => h != hold).ToList() };
        if (state.Holds.Count > 0)
        {
            Write(JournalKind.Resumed, stepId, $"Pauze om '{hold}' opgeheven; de workflow staat nog stil om '{state.PauseReason}'.");
            return Done();
        }

        Write(JournalKind.Resumed, stepId, $"Pauze om '{hold}' opgeheven; de workflow gaat verder met stap '{stepId}'.");
        return Run(stepId, null);
    }

    private AdvanceResult EndByEvent(string stepId, EventHandlerDefinition handler)
    {
        Interrupt(stepId);
        SendLetter(stepId, handler);
        return Complete(stepId, handler.Outcome);
    }

    /// <summary>Enters <paramref name="stepId"/> (or, with <paramref name="resumed"/>, follows that result of it) until the instance must wait or ends.</summary>
    private AdvanceResult Run(string stepId, StepResult? resumed)
    {
        var current = stepId;
        var result = resumed;
        while (true)
        {
            if (result is null)
            {
                if (++stepsEntered > stepBudget)
                {
                    return Fail(current, "stapbudget-op",
                        $"Stap '{current}': meer dan {stepBudget} stappen zonder te wachten; de workflow is gestopt om een eindeloze lus te voorkomen.");
                }

                if (definition.FindStep(current) is not { } step)
                {
                    return Fail(current, "onbekende-stap", $"Stap '{current}' bestaat niet in deze versie van de workflow.");
                }

                state = state with { CurrentStepId = current, StepEnteredOn = today, Status = WorkflowStatus.Running, WakeUp = null };
                Write(JournalKind.StepEntered, current, step.Title is null ? $"Stap '{current}'." : $"Stap '{current}': {step.Title}.");
                result = step.Enter(Context(current));
            }

            switch (result.Kind)
            {
                case StepResultKind.Refuse:
                    return Refuse(current, result.ErrorCode!, result.ErrorMessage!);
                case StepResultKind.Fail:
                    return Fail(current, result.ErrorCode!, result.ErrorMessage!);
            }

            Record(current, result);
            switch (result.Kind)
            {
                case StepResultKind.Suspend:
                    state = state with { Status = result.WaitStatus, WakeUp = result.WakeUp };
                    return Done();
                case StepResultKind.Complete:
                    return Complete(current, result.Outcome);
            }

            if (!definition.Steps.ContainsKey(result.Target!))
            {
                return Fail(current, "onbekende-stap", $"Stap '{current}' verwijst naar stap '{result.Target}', die niet bestaat.");
            }

            current = result.Target!;
            result = null;
        }
    }

    private void Record(string stepId, StepResult result)
    {
        if (result.Decision is { } decision)
        {
            journal.Add(new JournalEntry(JournalKind.Decision, stepId, $"Beslissing: {decision.Rule}; verder met stap '{result.Target}'.", today)
            {
                FactsSeen = decision.FactsSeen,
                Rule = decision.Rule,
            });
        }

        foreach (var effect in result.Effects)
        {
            Emit(stepId, effect);
        }

        if (result.Note is { } note)
        {
            Write(JournalKind.Waiting, stepId, note);
        }
    }

    private void Emit(string? stepId, WorkflowEffect effect)
    {
        effects.Add(effect);
        Write(JournalKind.Effect, stepId, effect.Describe());
        if (effect is IssueLetterEffect letter)
        {
            state = letter.CostKind switch
            {
                CostKind.Demand => state with { LastDemandDate = today },
                CostKind.Writ => state with { LastWritDate = today },
                _ => state,
            };
        }
    }

    private void SendLetter(string stepId, EventHandlerDefinition handler)
    {
        if (handler.Letter is { } template)
        {
            DateOnly? payBy = handler.PayWithinDays is { } days ? today.AddDays(days) : null;
            Emit(stepId, new IssueLetterEffect(template, null, payBy));
        }
    }

    /// <summary>Undoes what the current step left open (a task, a seizure order) when the instance pauses or ends while waiting.</summary>
    private void Interrupt(string stepId)
    {
        if (state.Status is WorkflowStatus.Waiting or WorkflowStatus.WaitingForTask or WorkflowStatus.WaitingForBailiff
            && definition.FindStep(stepId) is { } step)
        {
            foreach (var effect in step.Interrupt(stepId))
            {
                Emit(stepId, effect);
            }
        }
    }

    private AdvanceResult Complete(string stepId, CaseOutcome? outcome)
    {
        if (outcome is { } ending)
        {
            Emit(stepId, new CompleteCaseEffect(ending));
        }

        state = state with { Status = WorkflowStatus.Completed, Outcome = outcome, WakeUp = null, Holds = [] };
        Write(JournalKind.Completed, stepId, outcome is { } o
            ? $"Workflow afgerond met uitkomst '{o.ToSlug()}'."
            : "Workflow afgerond; de zaak gaat verder in een andere workflow.");
        return Done();
    }

    private AdvanceResult Fail(string stepId, string code, string message)
    {
        var failed = before with { Status = WorkflowStatus.Failed, FailureReason = message, WakeUp = null };
        JournalEntry entry = new(JournalKind.Failed, stepId, message, today);
        return new AdvanceResult(failed, [], [entry]) { Error = new WorkflowError(stepId, code, message) };
    }

    private AdvanceResult Refuse(string? stepId, string code, string message) =>
        new(before, [], []) { Error = new WorkflowError(stepId, code, message), Refused = true };

    private AdvanceResult Done() => new(state, effects, journal);

    private StepContext Context(string stepId) => new(stepId, state, facts, today, workingDays);

    private void Write(JournalKind kind, string? stepId, string reason) => journal.Add(new JournalEntry(kind, stepId, reason, today));
}
