using Invordering.Workflows;

namespace Invordering.Workflows.Tests.Support;

/// <summary>
/// Drives one workflow instance through the engine with a fake clock, from method calls or a script of triggers:
/// <c>start</c>, <c>timer</c> (moves the clock to the wake-up date and fires), <c>task OUTCOME</c>,
/// <c>bailiff OUTCOME</c>, <c>event NAME [RESULT]</c>, <c>days N</c> (moves the clock).
/// </summary>
public sealed class WorkflowDriver
{
    /// <summary>Monday 2 March 2026.</summary>
    public static readonly DateOnly Monday = new(2026, 3, 2);

    private readonly WorkflowEngine engine;
    private readonly List<WorkflowEffect> effects = [];
    private readonly List<JournalEntry> journal = [];

    public WorkflowDriver(WorkflowDefinition definition, CaseFacts? facts = null, int stepBudget = WorkflowEngine.DefaultStepBudget)
    {
        Definition = definition;
        engine = new WorkflowEngine(new WeekendsOnlyWorkingDays(), stepBudget);
        State = WorkflowInstanceState.New(definition);
        Facts = facts ?? new CaseFacts
        {
            OpenAmountCents = 50_000,
            OriginalAmountCents = 50_000,
            DaysPastDue = 10,
            Segment = definition.Segment,
            HasPhoneNumber = true,
        };
    }

    public WorkflowDefinition Definition { get; }

    public WorkflowInstanceState State { get; private set; }

    public CaseFacts Facts { get; set; }

    public DateOnly Today { get; private set; } = Monday;

    public AdvanceResult? Last { get; private set; }

    /// <summary>Every effect produced so far, in order.</summary>
    public IReadOnlyList<WorkflowEffect> Effects => effects;

    /// <summary>Every journal entry so far, in order.</summary>
    public IReadOnlyList<JournalEntry> Journal => journal;

    /// <summary>The template codes of the letters sent so far, in order.</summary>
    public IReadOnlyList<string> Letters => LettersSent.Select(l => l.Template).ToList();

    /// <summary>The letters sent so far, with the date each was sent.</summary>
    public List<(string Template, DateOnly On)> LettersSent { get; } = [];

    public WorkflowDriver Start() => Advance(new WorkflowTrigger.Start());

    /// <summary>Moves the clock to the wake-up date (if it lies ahead) and fires the timer.</summary>
    public WorkflowDriver Timer()
    {
        if (State.WakeUp is { } wakeUp && wakeUp > Today)
        {
            Days(wakeUp.DayNumber - Today.DayNumber);
        }

        return Advance(new WorkflowTrigger.TimerDue());
    }

    public WorkflowDriver Task(string outcome) => Advance(new WorkflowTrigger.TaskCompleted(outcome));

    public WorkflowDriver Bailiff(BailiffOutcome outcome) => Advance(new WorkflowTrigger.BailiffResult(outcome));

    public WorkflowDriver Event(string name, string? result = null) => Advance(new WorkflowTrigger.CaseEvent(name, result));

    /// <summary>Moves the clock forward; the claim gets older with it.</summary>
    public WorkflowDriver Days(int days)
    {
        Today = Today.AddDays(days);
        Facts = Facts with { DaysPastDue = Facts.DaysPastDue + days };
        return this;
    }

    /// <summary>Plays a script, one trigger a line; every advance must succeed.</summary>
    public WorkflowDriver Play(params string[] script)
    {
        foreach (var line in script)
        {
            var words = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            _ = words[0] switch
            {
                "start" => Start(),
                "timer" => Timer(),
                "task" => Task(words[1]),
                "bailiff" => Bailiff(EnumSlugExtensions.FromSlug<BailiffOutcome>(words[1])
                    ?? throw new ArgumentException($"Onbekend deurwaarderresultaat in '{line}'.")),
                "event" => Event(words[1], words.ElementAtOrDefault(2)),
                "days" => Days(int.Parse(words[1])),
                _ => throw new ArgumentException($"Onbekende scriptregel '{line}'."),
            };
            if (words[0] != "days" && Last!.Error is { } error)
            {
                throw new InvalidOperationException($"Scriptregel '{line}' lukte niet: {error.Message}");
            }
        }

        return this;
    }

    /// <summary>Advances on any trigger, as it comes.</summary>
    public WorkflowDriver Advance(WorkflowTrigger trigger)
    {
        Last = engine.Advance(Definition, State, Facts, Today, trigger);
        State = Last.State;
        effects.AddRange(Last.Effects);
        journal.AddRange(Last.Journal);
        LettersSent.AddRange(Last.Effects.OfType<IssueLetterEffect>().Select(l => (l.TemplateCode, Today)));
        return this;
    }
}
