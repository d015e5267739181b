namespace Invordering.Workflows.Simulation;

/// <summary>Why a synthetic debtor pays or not: hidden from the service, which must find it from the history.</summary>
public enum Behaviour
{
    /// <summary>Pays on time.</summary>
    OnTime,

    /// <summary>Can and will, but forgets: pays after a reminder.</summary>
    Forgetful,

    /// <summary>Can but won't: pays only when forced.</summary>
    WontPay,

    /// <summary>Cannot pay.</summary>
    CannotPay,
}

/// <summary>Deterministic chance for the demo and the simulation: the same seed gives the same run.</summary>
public sealed class Chance(int seed)
{
    /// <summary>A number in [0, 1) fixed by the seed, a subject and what is being decided.</summary>
    public double Of(long subject, string what)
    {
        var x = unchecked((ulong)seed * 0x9E3779B97F4A7C15UL ^ (ulong)subject * 0xBF58476D1CE4E5B9UL ^ StableHash(what) * 0x94D049BB133111EBUL);
        x ^= x >> 30; x *= 0xBF58476D1CE4E5B9UL; x ^= x >> 27; x *= 0x94D049BB133111EBUL; x ^= x >> 31;
        return (x >> 11) * (1.0 / (1UL << 53));
    }

    /// <summary>FNV-1a over the characters: the same in every process (string.GetHashCode is not).</summary>
    private static ulong StableHash(string text)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in text) hash = unchecked((hash ^ c) * 1099511628211UL);
        return hash;
    }

    /// <summary>A whole number of days in [min, max], fixed like <see cref="Of"/>.</summary>
    public int Days(long subject, string what, int min, int max) => min + (int)(Of(subject, what + "#days") * (max - min + 1));
}
