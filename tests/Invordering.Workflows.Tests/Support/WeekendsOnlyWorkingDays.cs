using Invordering.Workflows;

namespace Invordering.Workflows.Tests.Support;

/// <summary>A working-day calendar for tests: Monday to Friday, no holidays.</summary>
public sealed class WeekendsOnlyWorkingDays : IWorkingDays
{
    public DateOnly AddWorkingDays(DateOnly date, int days)
    {
        var result = date;
        for (var added = 0; added < days;)
        {
            result = result.AddDays(1);
            if (result.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            {
                added++;
            }
        }

        return result;
    }
}
