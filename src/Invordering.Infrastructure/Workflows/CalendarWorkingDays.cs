using Invordering.Domain;
using Invordering.Workflows;

namespace Invordering.Infrastructure.Workflows;

/// <summary>The workflow runtime's working days, counted on the Dutch calendar of the organisation.</summary>
public sealed class CalendarWorkingDays(WorkingDayCalendar calendar) : IWorkingDays
{
    public DateOnly AddWorkingDays(DateOnly date, int workingDays) => calendar.AddWorkingDays(date, workingDays);
}
