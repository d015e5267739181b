namespace Invordering.Domain;

/// <summary>Which optional public holidays an organisation observes.</summary>
/// <param name="ObserveGoodFriday">Whether Goede Vrijdag is a day off.</param>
/// <param name="LiberationDay">When Bevrijdingsdag is a day off.</param>
public sealed record WorkingDayCalendarOptions(
    bool ObserveGoodFriday = false,
    LiberationDayObservance LiberationDay = LiberationDayObservance.EveryFiveYears);
