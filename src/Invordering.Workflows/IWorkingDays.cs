namespace Invordering.Workflows;

/// <summary>The working-day calendar the runtime counts task due dates and working-day waits with.</summary>
public interface IWorkingDays
{
    /// <summary>The date that lies <paramref name="days"/> working days after <paramref name="date"/>.</summary>
    DateOnly AddWorkingDays(DateOnly date, int days);
}
