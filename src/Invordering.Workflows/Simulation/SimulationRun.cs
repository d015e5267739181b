using Invordering.Domain;

namespace Invordering.Workflows.Simulation;

/// <summary>
/// One simulation of one definition, day by day, in the order the service works a day: first the people act
/// (arrangements after a renewed writ, payments, tasks, remission decisions, bailiff reports), each reaching the
/// workflow as the service's consumers would pass it on; then the service opens cases (on the first day), checks
/// payment plans and moves every instance whose wake-up date has come. Effects are carried out in memory as the
/// service's consumers carry them out: letters counted and their costs charged from the tariff of the day, tasks
/// and seizure orders opened and withdrawn, cases closed.
/// </summary>
internal sealed class SimulationRun
{
    private const string WritTemplate = "dwangbevel";
    private const string RenewedWritTemplate = "aankondiging-hernieuwd-bevel";
    private const string PlanOutcome = "regeling";
    private const string RemissionHelpOutcome = "kwijtschelding-hulp";

    /// <summary>The order in which people's acts of one day come in.</summary>
    private static readonly ActKind[] ActOrder =
        [ActKind.Arrange, ActKind.PayAfterLetter, ActKind.PayInstalment, ActKind.CompleteTask, ActKind.DecideRemission, ActKind.ReportBailiff];

    private readonly WorkflowDefinition definition;
    private readonly WorkflowEngine engine;
    private readonly TariffTable tariffs;
    private readonly PeopleModel people;
    private readonly SimulatedCase[] cases;
    private readonly int days;
    private readonly DateOnly firstDay = SyntheticPopulation.DueDate.AddDays(1);
    private readonly List<Act>[] acts;
    private readonly List<int>[] timers;
    private readonly List<int> casesWithPlan = [];
    private readonly Dictionary<string, int> letters = [];
    private readonly Dictionary<CostKind, CostTotal> costs = [];
    private readonly Dictionary<TaskKind, int> tasks = [];
    private int day;
    private DateOnly today;
    private CostTariff? tariff;

    public SimulationRun(WorkflowDefinition definition, WorkflowEngine engine, TariffTable tariffs, PeopleModel people,
        IReadOnlyList<SyntheticDebtor> debtors, int days)
    {
        this.definition = definition;
        this.engine = engine;
        this.tariffs = tariffs;
        this.people = people;
        this.days = days;
        cases = debtors.Select((d, i) => new SimulatedCase(i, d, WorkflowInstanceState.New(definition))).ToArray();
        acts = Enumerable.Range(0, days).Select(_ => new List<Act>()).ToArray();
        timers = Enumerable.Range(0, days).Select(_ => new List<int>()).ToArray();
    }

    private enum ActKind { Arrange, PayAfterLetter, PayInstalment, CompleteTask, DecideRemission, ReportBailiff }

    /// <summary>Something a person does to a case on a day; the token says which task, plan term, request or order it is about.</summary>
    private readonly record struct Act(ActKind Kind, int Case, int Token);

    public SimulationResult Execute(IProgress<int>? progress, CancellationToken ct)
    {
        for (day = 0; day < days; day++)
        {
            ct.ThrowIfCancellationRequested();
            today = firstDay.AddDays(day);
            tariff = null;
            PeopleAct();
            if (day == 0)
            {
                foreach (var c in cases) Advance(c, new WorkflowTrigger.Start());
            }

            MonitorPaymentPlans();
            var due = timers[day];
            for (var i = 0; i < due.Count; i++)
            {
                var c = cases[due[i]];
                if (c.IsOpen && c.State.Status == WorkflowStatus.Waiting && c.State.WakeUp <= today) Advance(c, new WorkflowTrigger.TimerDue());
            }

            progress?.Report(day + 1);
        }

        return Tally();
    }

    private void PeopleAct()
    {
        var todays = acts[day];
        foreach (var kind in ActOrder)
        {
            for (var i = 0; i < todays.Count; i++)
            {
                if (todays[i].Kind == kind) Do(todays[i]);
            }
        }
    }

    private void Do(Act act)
    {
        var c = cases[act.Case];
        if (!c.IsOpen)
        {
            c.RemissionPending = false;
            return;
        }

        switch (act.Kind)
        {
            case ActKind.Arrange:
                switch (people.AfterRenewedWrit(c.Debtor.Id, c.Debtor.Behaviour))
                {
                    case Arrangement.PaymentPlan: AgreePaymentPlan(c); break;
                    case Arrangement.Remission: RequestRemission(c); break;
                }
                break;
            case ActKind.PayAfterLetter when c.Plan is null && c.OpenCents > 0:
                Pay(c, c.OpenCents);
                break;
            case ActKind.PayInstalment when c.Plan is { } plan && act.Token / 100 == c.PlanNumber:
                var term = act.Token % 100;
                if (people.PaysInstalment(c.Debtor.Id, c.Debtor.Behaviour, term)) Pay(c, plan.Amounts[term - 1]);
                break;
            case ActKind.CompleteTask when c.OpenTask == act.Token:
                CompleteTask(c);
                break;
            case ActKind.DecideRemission when c.RemissionPending && c.RemissionNumber == act.Token:
                c.RemissionPending = false;
                var granted = people.GrantsRemission(c.Debtor.Id, c.Debtor.Behaviour);
                Advance(c, new WorkflowTrigger.CaseEvent(CaseEventCatalogue.RemissionDecided, granted ? "toegekend" : "afgewezen"));
                break;
            case ActKind.ReportBailiff when c.OpenOrder == act.Token:
                c.OpenOrder = 0;
                Advance(c, new WorkflowTrigger.BailiffResult(people.BailiffResult(c.Debtor.Id, c.Debtor.Behaviour)));
                break;
        }
    }

    /// <summary>A person completes the open task with the outcome they choose, then arranges what they agreed.</summary>
    private void CompleteTask(SimulatedCase c)
    {
        var outcome = people.TaskOutcome(TaskSubject(c), c.OpenTaskKind, c.Debtor.Behaviour, c.OpenTaskOutcomes);
        c.OpenTask = 0;
        Advance(c, new WorkflowTrigger.TaskCompleted(outcome));
        if (outcome == PlanOutcome)
        {
            AgreePaymentPlan(c);
        }
        else if (outcome == RemissionHelpOutcome && people.AppliesForRemissionAfterHelp(c.Debtor.Id))
        {
            RequestRemission(c);
        }
    }

    /// <summary>A plan of equal monthly terms for what is open (with costs), as staff register it.</summary>
    private void AgreePaymentPlan(SimulatedCase c)
    {
        var open = c.OpenCents;
        if (!c.IsOpen || open <= 0) return;
        const int terms = PeopleModel.PaymentPlanTerms;
        var firstDue = today.AddDays(PeopleModel.FirstInstalmentAfterDays);
        var plan = new PaymentPlanTerms(
            c.PaidCents,
            Enumerable.Range(0, terms).Select(n => firstDue.AddMonths(n)).ToArray(),
            Enumerable.Range(1, terms).Select(n => open / terms + (n <= open % terms ? 1 : 0)).ToArray());
        if (c.Plan is null) casesWithPlan.Add(c.Index);
        c.Plan = plan;
        c.PlanNumber++;
        for (var n = 1; n <= terms; n++) Schedule(ActKind.PayInstalment, plan.DueDates[n - 1], c, c.PlanNumber * 100 + n);
        Advance(c, new WorkflowTrigger.CaseEvent(CaseEventCatalogue.PaymentPlanAgreed));
    }

    private void RequestRemission(SimulatedCase c)
    {
        if (!c.IsOpen || c.RemissionPending) return;
        c.RemissionPending = true;
        c.RemissionNumber++;
        Schedule(ActKind.DecideRemission, today.AddDays(PeopleModel.RemissionDecidedAfterDays), c, c.RemissionNumber);
        Advance(c, new WorkflowTrigger.CaseEvent(CaseEventCatalogue.RemissionRequested));
    }

    /// <summary>A payment reaches the case: paid in full (with costs) or in part.</summary>
    private void Pay(SimulatedCase c, long cents)
    {
        c.PaidCents += cents;
        var inFull = c.PaidCents >= c.Debtor.AmountCents + c.CostCents;
        Advance(c, new WorkflowTrigger.CaseEvent(inFull ? CaseEventCatalogue.PaidInFull : CaseEventCatalogue.PaidPartly));
    }

    /// <summary>
    /// As the service's payment plan check: a plan behind on its terms gets one reminder with 14 days to catch up;
    /// still behind after those, it lapses and collection resumes. A closed case ends its plan as kept.
    /// </summary>
    private void MonitorPaymentPlans()
    {
        for (var i = casesWithPlan.Count - 1; i >= 0; i--)
        {
            var c = cases[casesWithPlan[i]];
            if (c.Plan is not { } plan || !c.IsOpen)
            {
                c.Plan = null;
                casesWithPlan.RemoveAt(i);
                continue;
            }

            var dueSoFar = 0L;
            for (var n = 0; n < plan.DueDates.Length && plan.DueDates[n] < today; n++) dueSoFar += plan.Amounts[n];
            if (c.PaidCents - plan.PaidBefore >= dueSoFar || plan.RemindedOn > today.AddDays(-14)) continue;

            if (plan.RemindedOn is null)
            {
                plan.RemindedOn = today;
                Advance(c, new WorkflowTrigger.CaseEvent(CaseEventCatalogue.InstalmentMissed));
            }
            else
            {
                c.Plan = null;
                casesWithPlan.RemoveAt(i);
                Advance(c, new WorkflowTrigger.CaseEvent(CaseEventCatalogue.PaymentPlanDefaulted));
            }
        }
    }

    private void Advance(SimulatedCase c, WorkflowTrigger trigger)
    {
        var result = engine.Advance(definition, c.State, Facts(c), today, trigger);
        if (result.Refused) return;
        c.State = result.State;
        string? ending = null;
        foreach (var effect in result.Effects)
        {
            ending = Carry(c, effect) ?? ending;
        }

        switch (c.State.Status)
        {
            case WorkflowStatus.Waiting when c.State.WakeUp is { } wakeUp:
                var index = wakeUp.DayNumber - firstDay.DayNumber;
                if (index < days) timers[Math.Max(index, day)].Add(c.Index);
                break;
            case WorkflowStatus.Completed:
                End(c, ending ?? SimulationResult.StillRunning, resolved: c.State.Outcome is not null);
                break;
            case WorkflowStatus.Failed:
                End(c, SimulationResult.Failed, resolved: false);
                break;
        }
    }

    /// <summary>Carries out one effect as the service's consumers would; returns how the case ends, for effects that end it.</summary>
    private string? Carry(SimulatedCase c, WorkflowEffect effect)
    {
        switch (effect)
        {
            case IssueLetterEffect letter:
                IssueLetter(c, letter);
                return null;
            case CreateTaskEffect task:
                c.OpenTask = ++c.TaskNumber;
                c.OpenTaskKind = task.Kind;
                c.OpenTaskOutcomes = task.Outcomes.Select(o => o.Name).ToArray();
                tasks[task.Kind] = tasks.GetValueOrDefault(task.Kind) + 1;
                var doneOn = people.TaskDoneOn(TaskSubject(c), task.DueDate);
                Schedule(ActKind.CompleteTask, doneOn > today ? doneOn : today.AddDays(1), c, c.OpenTask);
                return null;
            case CancelTaskEffect:
                c.OpenTask = 0;
                return null;
            case SeizureOrderEffect:
                c.OpenOrder = ++c.OrderNumber;
                Schedule(ActKind.ReportBailiff, today.AddDays(PeopleModel.BailiffReportsAfterDays), c, c.OpenOrder);
                return null;
            case RecallSeizureOrderEffect:
                c.OpenOrder = 0;
                return null;
            case SwitchWorkflowEffect switched:
                return SimulationResult.SwitchedTo(switched.WorkflowId ?? switched.Segment!);
            case CompleteCaseEffect completed:
                return completed.Outcome.ToSlug();
            default:
                return null;
        }
    }

    /// <summary>As the letter service: the letter counted, its costs charged on what is open of the claim; the debtor may react to it.</summary>
    private void IssueLetter(SimulatedCase c, IssueLetterEffect letter)
    {
        var template = letter.TemplateCode;
        letters[template] = letters.GetValueOrDefault(template) + 1;
        var open = c.Debtor.AmountCents - c.PaidCents;
        if (letter.CostKind is { } kind && open > 0)
        {
            tariff ??= tariffs.ValidOn(today);
            var cents = kind.Charge(new Money(open), tariff).Cents;
            c.CostCents += cents;
            var total = costs.GetValueOrDefault(kind) ?? new CostTotal(0, 0);
            costs[kind] = new CostTotal(total.Count + 1, total.Cents + cents);
        }

        if (template == WritTemplate) c.Writs++;
        if (people.PaysAfterLetter(c.Debtor.Id, c.Debtor.Behaviour, template, today) is { } payDay)
        {
            Schedule(ActKind.PayAfterLetter, payDay, c, 0);
        }

        if (template == RenewedWritTemplate) Schedule(ActKind.Arrange, today.AddDays(1), c, 0);
    }

    private void End(SimulatedCase c, string ending, bool resolved)
    {
        c.Ending = ending;
        c.EndedOnDay = resolved ? day : null;
        c.OpenTask = 0;
        c.OpenOrder = 0;
    }

    private void Schedule(ActKind kind, DateOnly on, SimulatedCase c, int token)
    {
        var index = on.DayNumber - firstDay.DayNumber;
        if (index > day && index < days) acts[index].Add(new Act(kind, c.Index, token));
    }

    private CaseFacts Facts(SimulatedCase c) => new()
    {
        OpenAmountCents = Math.Max(0, c.Debtor.AmountCents - c.PaidCents),
        OriginalAmountCents = c.Debtor.AmountCents,
        DaysPastDue = today.DayNumber - SyntheticPopulation.DueDate.DayNumber,
        Segment = definition.Segment,
        HasPhoneNumber = c.Debtor.HasPhoneNumber,
        HasPaymentPlan = c.Plan is { RemindedOn: null },
        RemissionPending = c.RemissionPending,
        PreviousWrits = c.Writs,
        OpenClaims = c.IsOpen ? 1 : 0,
    };

    /// <summary>The subject a task's chances are drawn for: the case and the task's number within it, the same in every version.</summary>
    private static long TaskSubject(SimulatedCase c) => c.Debtor.Id * 1_000 + c.OpenTask;

    private SimulationResult Tally()
    {
        var outcomes = new Dictionary<string, int>();
        var resolvedDays = new List<int>();
        foreach (var c in cases)
        {
            var outcome = c.Ending ?? (c.Plan is not null ? CaseOutcome.PaymentPlan.ToSlug() : SimulationResult.StillRunning);
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
            if (c.EndedOnDay is { } ended) resolvedDays.Add(ended);
        }

        resolvedDays.Sort();
        double? median = resolvedDays.Count == 0 ? null
            : resolvedDays.Count % 2 == 1 ? resolvedDays[resolvedDays.Count / 2]
            : (resolvedDays[resolvedDays.Count / 2 - 1] + resolvedDays[resolvedDays.Count / 2]) / 2.0;
        return new SimulationResult(
            definition.Id, definition.Version, cases.Length, days,
            letters.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).ToDictionary(),
            costs.OrderBy(c => c.Key).ToDictionary(c => c.Key.ToSlug(), c => c.Value),
            tasks.OrderBy(t => t.Key).ToDictionary(t => t.Key.ToSlug(), t => t.Value),
            outcomes,
            resolvedDays.Count == 0 ? null : resolvedDays.Average(),
            median);
    }

    /// <summary>One case in the simulation: its debtor, workflow state, money, and what is open with people.</summary>
    private sealed class SimulatedCase(int index, SyntheticDebtor debtor, WorkflowInstanceState state)
    {
        public int Index { get; } = index;
        public SyntheticDebtor Debtor { get; } = debtor;
        public WorkflowInstanceState State { get; set; } = state;
        public long PaidCents { get; set; }
        public long CostCents { get; set; }
        public int Writs { get; set; }
        public int TaskNumber { get; set; }
        public int OpenTask { get; set; }
        public TaskKind OpenTaskKind { get; set; }
        public IReadOnlyCollection<string> OpenTaskOutcomes { get; set; } = [];
        public int OrderNumber { get; set; }
        public int OpenOrder { get; set; }
        public int RemissionNumber { get; set; }
        public bool RemissionPending { get; set; }
        public int PlanNumber { get; set; }
        public PaymentPlanTerms? Plan { get; set; }
        public string? Ending { get; set; }
        public int? EndedOnDay { get; set; }
        public long OpenCents => Debtor.AmountCents + CostCents - PaidCents;
        public bool IsOpen => Ending is null;
    }

    /// <summary>A running payment plan: what was paid before it, its terms, and when it was reminded of a missed term.</summary>
    private sealed class PaymentPlanTerms(long paidBefore, DateOnly[] dueDates, long[] amounts)
    {
        public long PaidBefore { get; } = paidBefore;
        public DateOnly[] DueDates { get; } = dueDates;
        public long[] Amounts { get; } = amounts;
        public DateOnly? RemindedOn { get; set; }
    }
}
