namespace Invordering.Domain;

/// <summary>A Dutch public holiday on a date, with its Dutch name.</summary>
public sealed record PublicHoliday(DateOnly Date, string Name);
