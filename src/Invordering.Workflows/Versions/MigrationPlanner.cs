namespace Invordering.Workflows;

/// <summary>
/// Moves running instances to another version of their workflow along an explicit step mapping. A dry run reports
/// what would happen and what blocks it; apply returns the new states (and changes nothing itself).
/// Completed and failed instances stay where they are. An instance waiting in a step must go to a step of the
/// same type (a paused one may go anywhere, as it re-enters its step on resume); a waiting timer is recomputed
/// from the date the step was entered.
/// </summary>
public sealed class MigrationPlanner(IWorkingDays workingDays)
{
    /// <summary>Reports what <paramref name="plan"/> would do with <paramref name="instances"/>, changing nothing.</summary>
    public MigrationReport DryRun(MigrationPlan plan, IReadOnlyList<RunningInstance> instances)
    {
        var errors = CheckPlan(plan).ToList();
        var moving = instances.Where(i => IsMoving(i.State)).ToList();
        var skipped = instances.Count - moving.Count;

        foreach (var stray in moving.Where(i => i.State.DefinitionId != plan.From.Id || i.State.DefinitionVersion != plan.From.Version))
        {
            errors.Add(new ValidationError(null, "andere-versie",
                $"Zaak {stray.InstanceId} loopt op '{stray.State.DefinitionId}' versie {stray.State.DefinitionVersion}, niet op versie {plan.From.Version}."));
        }

        var steps = new List<StepMigration>();
        foreach (var group in moving.Where(i => i.State.CurrentStepId is not null).GroupBy(i => i.State.CurrentStepId!))
        {
            var target = plan.StepMapping.GetValueOrDefault(group.Key);
            steps.Add(new StepMigration(group.Key, target, group.Count()));
            errors.AddRange(CheckStep(plan, group.Key, target, group.ToList()));
        }

        var timers = moving
            .Select(i => TimerChangeOf(plan, i))
            .OfType<TimerChange>()
            .Where(change => change.OldWakeUp != change.NewWakeUp)
            .ToList();
        return new MigrationReport(steps, timers, errors, skipped);
    }

    /// <summary>The migrated states of the active instances; throws when the dry run reports errors.</summary>
    public IReadOnlyList<MigratedInstance> Apply(MigrationPlan plan, IReadOnlyList<RunningInstance> instances, DateOnly today)
    {
        var report = DryRun(plan, instances);
        if (!report.CanApply)
        {
            throw new InvalidOperationException(
                "De migratie kan niet: " + string.Join(" ", report.Errors.Select(e => e.Message)));
        }

        return instances.Where(i => IsMoving(i.State)).Select(i => Migrate(plan, i, today)).ToList();
    }

    private MigratedInstance Migrate(MigrationPlan plan, RunningInstance instance, DateOnly today)
    {
        var state = instance.State;
        var fromStep = state.CurrentStepId;
        var toStep = fromStep is null ? null : plan.StepMapping[fromStep];
        var timer = TimerChangeOf(plan, instance);
        var migrated = state with
        {
            DefinitionVersion = plan.To.Version,
            CurrentStepId = toStep,
            WakeUp = timer?.NewWakeUp ?? state.WakeUp,
        };

        var move = fromStep is null ? "" : $" Stap '{fromStep}' wordt '{toStep}'.";
        var wake = timer is not null && timer.OldWakeUp != timer.NewWakeUp && timer.NewWakeUp is { } date
            ? $" Nieuwe wekdatum: {DutchDate.Format(date)}."
            : "";
        var entry = new JournalEntry(JournalKind.Migrated, toStep,
            $"Overgezet van versie {plan.From.Version} naar versie {plan.To.Version}.{move}{wake}", today);
        return new MigratedInstance(instance.InstanceId, migrated, entry);
    }

    private static bool IsMoving(WorkflowInstanceState state) => state.IsActive;

    private static IEnumerable<ValidationError> CheckPlan(MigrationPlan plan)
    {
        if (plan.From.Id != plan.To.Id)
        {
            yield return new ValidationError(null, "andere-workflow",
                $"Een migratie blijft binnen één workflow; '{plan.From.Id}' en '{plan.To.Id}' verschillen.");
        }

        if (plan.From.Version == plan.To.Version)
        {
            yield return new ValidationError(null, "zelfde-versie", $"Van versie {plan.From.Version} naar dezelfde versie migreren kan niet.");
        }

        foreach (var (from, to) in plan.StepMapping)
        {
            if (!plan.From.Steps.ContainsKey(from))
            {
                yield return ValidationError.ForStep(from, "onbekende-bronstap", $"deze stap bestaat niet in versie {plan.From.Version}.");
            }

            if (!plan.To.Steps.ContainsKey(to))
            {
                yield return ValidationError.ForStep(from, "onbekend-doel", $"stap '{to}' bestaat niet in versie {plan.To.Version}.");
            }
        }
    }

    private static IEnumerable<ValidationError> CheckStep(MigrationPlan plan, string fromId, string? toId, List<RunningInstance> instances)
    {
        if (toId is null)
        {
            yield return ValidationError.ForStep(fromId, "niet-gekoppeld",
                $"{instances.Count} lopende zaken staan op deze stap, maar de koppeling noemt geen nieuwe stap.");
            yield break;
        }

        if (plan.From.FindStep(fromId) is not { } fromStep || plan.To.FindStep(toId) is not { } toStep)
        {
            yield break;
        }

        var waiting = instances.Count(i => i.State.Status != WorkflowStatus.Paused);
        if (waiting > 0 && fromStep.GetType() != toStep.GetType())
        {
            yield return ValidationError.ForStep(fromId, "ander-staptype",
                $"{waiting} zaken wachten hier; ze kunnen niet naar '{toId}', want dat is een ander soort stap.");
        }

        if (fromStep is TaskStep fromTask && toStep is TaskStep toTask)
        {
            foreach (var missing in fromTask.Outcomes.Select(o => o.Name).Except(toTask.Outcomes.Select(o => o.Name)))
            {
                yield return ValidationError.ForStep(fromId, "uitkomst-ontbreekt",
                    $"taakuitkomst '{missing}' bestaat niet in '{toId}'; open taken kunnen die uitkomst nog krijgen.");
            }
        }
    }

    private TimerChange? TimerChangeOf(MigrationPlan plan, RunningInstance instance)
    {
        var state = instance.State;
        if (state.Status != WorkflowStatus.Waiting || state.CurrentStepId is not { } fromId
            || !plan.StepMapping.TryGetValue(fromId, out var toId)
            || plan.To.FindStep(toId) is not WaitStep wait || state.StepEnteredOn is not { } enteredOn)
        {
            return null;
        }

        return new TimerChange(instance.InstanceId, fromId, toId, state.WakeUp, wait.WakeUpFor(enteredOn, workingDays));
    }
}
