namespace Invordering.Domain.Imports;

/// <summary>The text of one field of an import row (trimmed), with the name of its column for error reports.</summary>
internal readonly ref struct Field(string column, ReadOnlySpan<char> text)
{
    public string Column { get; } = column;

    public ReadOnlySpan<char> Text { get; } = text;

    public bool IsEmpty => Text.IsEmpty;
}
