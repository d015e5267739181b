using System.Globalization;
using Invordering.Letters;
using Invordering.Workflows.Simulation;

namespace Invordering.Simulation;

/// <summary>The figures of a simulation as a person reads them, the same on the command line and on the page.</summary>
public static class SimulationFigures
{
    private static readonly CultureInfo Dutch = CultureInfo.GetCultureInfo("nl-NL");

    /// <summary>A figure: a count with Dutch grouping, euros, or days with one decimal; a dash when there is none.</summary>
    public static string Format(double? value, FigureUnit unit) => value is not { } v ? "–" : unit switch
    {
        FigureUnit.Cents => DutchFormat.Euro((long)Math.Round(v)),
        FigureUnit.Days => v.ToString("N1", Dutch),
        _ => v.ToString("N0", Dutch),
    };

    /// <summary>A difference with its sign: <c>+12</c>, <c>-€ 3,00</c>, <c>0</c>.</summary>
    public static string Difference(ComparisonRow row) => row.Difference is not { } d ? "–"
        : Math.Abs(d) < 0.05 ? Format(0, row.Unit)
        : (d > 0 ? "+" : "-") + Format(Math.Abs(d), row.Unit);

    /// <summary>Which version a column shows: <c>versie 2</c>, or <c>bestand</c> for a definition read from a file.</summary>
    public static string Version(SimulationResult result) => result.Version == 0 ? "bestand" : $"versie {result.Version}";

    /// <summary>Seconds with one decimal, Dutch style.</summary>
    public static string Seconds(TimeSpan elapsed) => elapsed.TotalSeconds.ToString("N1", Dutch) + " s";
}
