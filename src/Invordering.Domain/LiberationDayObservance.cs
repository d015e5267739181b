namespace Invordering.Domain;

/// <summary>Whether an organisation gives Bevrijdingsdag (5 May) off.</summary>
public enum LiberationDayObservance
{
    /// <summary>Never a day off.</summary>
    Never,

    /// <summary>A day off in lustrum years only (2025, 2030, ...), as in many collective agreements.</summary>
    EveryFiveYears,

    /// <summary>A day off every year.</summary>
    EveryYear,
}
