namespace Invordering.Domain.Imports;

/// <summary>A column of a CSV import format: its name in the header, whether the file must have it, and its place in the schema.</summary>
internal sealed class CsvColumn(string name, bool required, int ordinal)
{
    public string Name { get; } = name;

    public bool IsRequired { get; } = required;

    public int Ordinal { get; } = ordinal;
}
