namespace Invordering.Workflows.Simulation;

/// <summary>What a person arranges after a renewed writ: nothing, a payment plan, or a remission request.</summary>
public enum Arrangement
{
    /// <summary>Arranges nothing.</summary>
    None,

    /// <summary>Calls to agree a payment plan.</summary>
    PaymentPlan,

    /// <summary>Applies for remission.</summary>
    Remission,
}

/// <summary>
/// How the people around the service act, by the synthetic debtor's hidden behaviour: debtors who pay (or not)
/// after letters and keep (or miss) instalments, field workers and staff who complete tasks and decide remission,
/// and the bailiff who reports back. The demo (through the real service) and the workflow simulation (in memory)
/// both ask this one model, so they behave alike; every choice is fixed by the seed, a subject (a case or a task)
/// and what is decided, so the same seed gives the same choices.
/// </summary>
public sealed class PeopleModel(Chance chance)
{
    /// <summary>The number of monthly terms of a payment plan people agree.</summary>
    public const int PaymentPlanTerms = 6;

    /// <summary>Days from agreeing a plan to its first term.</summary>
    public const int FirstInstalmentAfterDays = 14;

    /// <summary>Days staff take to decide a remission request.</summary>
    public const int RemissionDecidedAfterDays = 25;

    /// <summary>Days the bailiff takes to report on a seizure order.</summary>
    public const int BailiffReportsAfterDays = 14;

    /// <summary>The share of tasks done by their due date; the rest are a few days late.</summary>
    public const double TasksOnTime = 0.93;

    /// <summary>The day a debtor pays what is open in full after a letter of <paramref name="template"/> dated <paramref name="letterDate"/>; null when they do not.</summary>
    public DateOnly? PaysAfterLetter(long caseId, Behaviour behaviour, string template, DateOnly letterDate)
    {
        var (probability, minDays, maxDays) = PaysAfter(behaviour, template);
        return chance.Of(caseId, template) < probability ? letterDate.AddDays(chance.Days(caseId, template, minDays, maxDays)) : null;
    }

    /// <summary>Whether the debtor pays instalment <paramref name="sequence"/> of their plan on its due date.</summary>
    public bool PaysInstalment(long caseId, Behaviour behaviour, int sequence) =>
        chance.Of(caseId, $"termijn-{sequence}") < (behaviour == Behaviour.WontPay ? 0.8 : 0.9);

    /// <summary>
    /// What a debtor arranges the day after the bailiff announced the renewed writ: some who can but would not pay
    /// call to agree a payment plan, a few apply for remission (GBLT 2019: 15% and 5%).
    /// </summary>
    public Arrangement AfterRenewedWrit(long caseId, Behaviour behaviour)
    {
        if (behaviour == Behaviour.OnTime) return Arrangement.None;
        var r = chance.Of(caseId, "na-hernieuwd-bevel");
        return r < 0.15 ? Arrangement.PaymentPlan : r < 0.2 ? Arrangement.Remission : Arrangement.None;
    }

    /// <summary>The day a task due on <paramref name="dueDate"/> is done: most by their due date, the rest a few days late.</summary>
    public DateOnly TaskDoneOn(long taskId, DateOnly dueDate) =>
        chance.Of(taskId, "op-tijd") < TasksOnTime
            ? dueDate.AddDays(-chance.Days(taskId, "vroeg", 0, 1))
            : dueDate.AddDays(chance.Days(taskId, "laat", 1, 4));

    /// <summary>
    /// The outcome a person chooses for a task, if the task's step offers it; else the step's last resort
    /// (a review offers "sociaal-invorderen" in one workflow and not in another).
    /// </summary>
    public string TaskOutcome(long taskId, TaskKind kind, Behaviour behaviour, IReadOnlyCollection<string> offered)
    {
        var preferred = PreferredOutcome(taskId, kind, behaviour);
        return offered.Contains(preferred) ? preferred : offered.Contains("oninbaar") ? "oninbaar" : offered.First();
    }

    /// <summary>Whether a debtor helped with remission on a call or visit goes on to apply for it.</summary>
    public bool AppliesForRemissionAfterHelp(long caseId) => chance.Of(caseId, "vraagt-kwijtschelding") < 0.8;

    /// <summary>Whether staff grant a remission request: those who cannot pay mostly qualify.</summary>
    public bool GrantsRemission(long caseId, Behaviour behaviour) =>
        chance.Of(caseId, "kwijtschelding") < (behaviour == Behaviour.CannotPay ? 0.75 : 0.2);

    /// <summary>What the bailiff reports on a seizure order.</summary>
    public BailiffOutcome BailiffResult(long caseId, Behaviour behaviour)
    {
        if (behaviour == Behaviour.CannotPay) return BailiffOutcome.NothingToCollect;
        var r = chance.Of(caseId, "deurwaarder");
        return r < 0.45 ? BailiffOutcome.Paid : r < 0.65 ? BailiffOutcome.PartlyPaid : BailiffOutcome.NothingToCollect;
    }

    /// <summary>What the bailiff collects of an order for <paramref name="orderCents"/>: all, half or nothing.</summary>
    public static long BailiffCollects(BailiffOutcome outcome, long orderCents) => outcome switch
    {
        BailiffOutcome.Paid => orderCents,
        BailiffOutcome.PartlyPaid => orderCents / 2,
        _ => 0,
    };

    /// <summary>How likely a debtor pays after a letter, and how many days later.</summary>
    private static (double Probability, int MinDays, int MaxDays) PaysAfter(Behaviour behaviour, string letter) => (behaviour, letter) switch
    {
        (Behaviour.OnTime, _) => (0.95, 1, 7),
        (Behaviour.Forgetful, "herinnering") => (0.7, 2, 12),
        (Behaviour.Forgetful, "aanmaning") => (0.9, 2, 12),
        (Behaviour.Forgetful, _) => (0.95, 1, 2),
        (Behaviour.WontPay, "aanmaning") => (0.15, 5, 13),
        (Behaviour.WontPay, "dwangbevel") => (0.25, 1, 2),
        (Behaviour.WontPay, "aankondiging-hernieuwd-bevel") => (0.4, 1, 2),
        (Behaviour.CannotPay, "herinnering" or "aanmaning") => (0.05, 5, 13),
        _ => (0, 0, 0),
    };

    private string PreferredOutcome(long taskId, TaskKind kind, Behaviour behaviour)
    {
        var r = chance.Of(taskId, "uitkomst");
        return kind switch
        {
            TaskKind.Review => behaviour == Behaviour.WontPay && r < 0.3 ? "sociaal-invorderen" : "oninbaar",
            TaskKind.PhoneCall => r switch
            {
                < 0.25 => "niet-bereikt",
                < 0.45 => "bereikt-betaalt",
                < 0.75 => "regeling",
                < 0.92 => "kwijtschelding-hulp",
                _ => "schuldhulp",
            },
            _ => r switch
            {
                < 0.3 => "niet-thuis",
                < 0.45 => "betaalt",
                < 0.7 => "regeling",
                < 0.9 => "kwijtschelding-hulp",
                _ => "schuldhulp",
            },
        };
    }
}
