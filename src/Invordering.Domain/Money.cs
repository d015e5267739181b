using System.Globalization;

namespace Invordering.Domain;

/// <summary>An amount of euros held as whole cents; never floating point.</summary>
public readonly record struct Money(long Cents) : IComparable<Money>
{
    private const int MaxWholeEuroDigits = 15;

    /// <summary>Zero euros.</summary>
    public static Money Zero => default;

    /// <summary>The amount in euros.</summary>
    public decimal Euros => Cents / 100m;

    /// <summary>Creates an amount from euros; throws when the value is not a whole number of cents.</summary>
    public static Money FromEuros(decimal euros)
    {
        decimal cents = euros * 100m;
        if (cents != decimal.Truncate(cents))
        {
            throw new ArgumentException($"Een bedrag kan hoogstens twee decimalen hebben, niet {euros.ToString(CultureInfo.InvariantCulture)}.", nameof(euros));
        }
        return new Money(checked((long)cents));
    }

    /// <summary>
    /// Parses euros with a decimal comma or point, at most two decimals and an optional leading minus,
    /// without thousands separators or surrounding spaces (<c>1234,56</c>, <c>1234.56</c>, <c>-12,5</c>, <c>7</c>).
    /// </summary>
    public static bool TryParse(ReadOnlySpan<char> text, out Money value)
    {
        value = Zero;
        bool negative = text.Length > 0 && text[0] == '-';
        if (negative)
        {
            text = text[1..];
        }

        long cents = 0;
        int wholeDigits = 0;
        int i = 0;
        for (; i < text.Length && char.IsAsciiDigit(text[i]); i++)
        {
            cents = cents * 10 + (text[i] - '0');
            wholeDigits++;
        }
        if (wholeDigits == 0 || wholeDigits > MaxWholeEuroDigits)
        {
            return false;
        }

        int decimals = 0;
        if (i < text.Length)
        {
            if (text[i] != ',' && text[i] != '.')
            {
                return false;
            }
            for (i++; i < text.Length; i++)
            {
                if (!char.IsAsciiDigit(text[i]) || decimals == 2)
                {
                    return false;
                }
                cents = cents * 10 + (text[i] - '0');
                decimals++;
            }
            if (decimals == 0)
            {
                return false;
            }
        }
        for (; decimals < 2; decimals++)
        {
            cents *= 10;
        }

        value = new Money(negative ? -cents : cents);
        return true;
    }

    /// <summary>The sum of two amounts.</summary>
    public static Money operator +(Money left, Money right) => new(checked(left.Cents + right.Cents));

    /// <summary>The difference of two amounts.</summary>
    public static Money operator -(Money left, Money right) => new(checked(left.Cents - right.Cents));

    /// <summary>The amount with the opposite sign.</summary>
    public static Money operator -(Money value) => new(checked(-value.Cents));

    /// <summary>Whether the left amount is smaller.</summary>
    public static bool operator <(Money left, Money right) => left.Cents < right.Cents;

    /// <summary>Whether the left amount is larger.</summary>
    public static bool operator >(Money left, Money right) => left.Cents > right.Cents;

    /// <summary>Whether the left amount is smaller or equal.</summary>
    public static bool operator <=(Money left, Money right) => left.Cents <= right.Cents;

    /// <summary>Whether the left amount is larger or equal.</summary>
    public static bool operator >=(Money left, Money right) => left.Cents >= right.Cents;

    /// <inheritdoc />
    public int CompareTo(Money other) => Cents.CompareTo(other.Cents);

    /// <summary>The Dutch notation: <c>€ 1.234,56</c>, or <c>-€ 12,50</c> below zero.</summary>
    public override string ToString()
    {
        ulong absolute = Cents < 0 ? (ulong)-(Cents + 1) + 1 : (ulong)Cents;
        string whole = (absolute / 100).ToString("#,0", DutchNumbers);
        string cents = (absolute % 100).ToString("00", DutchNumbers);
        return Cents < 0 ? $"-€ {whole},{cents}" : $"€ {whole},{cents}";
    }

    private static readonly NumberFormatInfo DutchNumbers = new()
    {
        NumberGroupSeparator = ".",
        NumberDecimalSeparator = ",",
    };
}
