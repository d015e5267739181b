namespace Invordering.Domain;

/// <summary>A Kamer van Koophandel registration number: 8 digits.</summary>
public readonly record struct KvkNumber
{
    private KvkNumber(string value) => Value = value;

    /// <summary>The 8 digits, leading zeros kept.</summary>
    public string Value { get; }

    /// <summary>Whether the text is exactly 8 digits.</summary>
    public static bool IsValid(ReadOnlySpan<char> text) => Digits.AreExactly(text, 8);

    /// <summary>Reads a KvK number when the text is a valid one.</summary>
    public static bool TryParse(string? text, out KvkNumber number) => TryParse(text.AsSpan(), out number);

    /// <summary>Reads a KvK number when the text is a valid one.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out KvkNumber number)
    {
        number = IsValid(text) ? new KvkNumber(text.ToString()) : default;
        return number.Value is not null;
    }

    /// <inheritdoc />
    public override string ToString() => Value ?? "";
}
