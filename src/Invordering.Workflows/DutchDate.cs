using System.Globalization;

namespace Invordering.Workflows;

/// <summary>Formats dates the way Dutch readers write them (dd-MM-yyyy), whatever the machine's culture.</summary>
public static class DutchDate
{
    /// <summary>The date as <c>dd-MM-yyyy</c>.</summary>
    public static string Format(DateOnly date) => date.ToString("dd-MM-yyyy", CultureInfo.InvariantCulture);
}
