namespace Invordering.Workflows;

/// <summary>What a step asks the engine to do after it ran.</summary>
public enum StepResultKind
{
    /// <summary>Go on to <see cref="StepResult.Target"/>.</summary>
    Continue,

    /// <summary>Stop here and wait.</summary>
    Suspend,

    /// <summary>Finish the workflow, with an outcome or by switching to another workflow.</summary>
    Complete,

    /// <summary>The instance cannot go on; it becomes an incident.</summary>
    Fail,

    /// <summary>The trigger does not fit; nothing changes.</summary>
    Refuse,
}

/// <summary>What happened to the decision a step took: the rule that fired and the facts it looked at.</summary>
public sealed record DecisionRecord(string Rule, IReadOnlyDictionary<string, FactValue> FactsSeen);

/// <summary>The outcome of running a step: where to go next, or to wait, finish or fail, with the effects it produced.</summary>
public sealed record StepResult
{
    private StepResult(StepResultKind kind) => Kind = kind;

    /// <summary>What the engine does next.</summary>
    public StepResultKind Kind { get; }

    /// <summary>The next step, for <see cref="StepResultKind.Continue"/>.</summary>
    public string? Target { get; private init; }

    /// <summary>The status to wait in, for <see cref="StepResultKind.Suspend"/>.</summary>
    public WorkflowStatus WaitStatus { get; private init; }

    /// <summary>The wake-up date, for a suspend on a timer.</summary>
    public DateOnly? WakeUp { get; private init; }

    /// <summary>The case outcome, for <see cref="StepResultKind.Complete"/>; null when the case switches workflow.</summary>
    public CaseOutcome? Outcome { get; private init; }

    /// <summary>The effects the step produced.</summary>
    public IReadOnlyList<WorkflowEffect> Effects { get; private init; } = [];

    /// <summary>A Dutch note for the journal, such as what the step waits for.</summary>
    public string? Note { get; private init; }

    /// <summary>The decision taken, for decision steps.</summary>
    public DecisionRecord? Decision { get; private init; }

    /// <summary>The error code, for <see cref="StepResultKind.Fail"/> and <see cref="StepResultKind.Refuse"/>.</summary>
    public string? ErrorCode { get; private init; }

    /// <summary>The Dutch error message, for <see cref="StepResultKind.Fail"/> and <see cref="StepResultKind.Refuse"/>.</summary>
    public string? ErrorMessage { get; private init; }

    /// <summary>Go on to <paramref name="target"/> after producing <paramref name="effects"/>.</summary>
    public static StepResult GoTo(string target, params WorkflowEffect[] effects) =>
        new(StepResultKind.Continue) { Target = target, Effects = effects };

    /// <summary>Go on to <paramref name="target"/> because of <paramref name="decision"/>.</summary>
    public static StepResult Decided(string target, DecisionRecord decision) =>
        new(StepResultKind.Continue) { Target = target, Decision = decision };

    /// <summary>Wait in <paramref name="status"/> (until <paramref name="wakeUp"/>, for timers) after producing <paramref name="effects"/>.</summary>
    public static StepResult Suspend(WorkflowStatus status, DateOnly? wakeUp, string note, params WorkflowEffect[] effects) =>
        new(StepResultKind.Suspend) { WaitStatus = status, WakeUp = wakeUp, Note = note, Effects = effects };

    /// <summary>Finish the workflow with <paramref name="outcome"/> (null when switching) after producing <paramref name="effects"/>.</summary>
    public static StepResult Complete(CaseOutcome? outcome, params WorkflowEffect[] effects) =>
        new(StepResultKind.Complete) { Outcome = outcome, Effects = effects };

    /// <summary>The instance cannot go on.</summary>
    public static StepResult Fail(string code, string message) =>
        new(StepResultKind.Fail) { ErrorCode = code, ErrorMessage = message };

    /// <summary>The trigger does not fit this step.</summary>
    public static StepResult Refuse(string code, string message) =>
        new(StepResultKind.Refuse) { ErrorCode = code, ErrorMessage = message };
}
