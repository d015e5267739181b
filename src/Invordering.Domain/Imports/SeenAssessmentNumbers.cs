using System.Runtime.InteropServices;

namespace Invordering.Domain.Imports;

/// <summary>
/// The assessment numbers read so far in a file, each with the content hash and line of its first row.
/// A number (at most 20 of <c>A-Z a-z 0-9 -</c>) is packed exactly into 120 bits, so the memory holds no strings
/// (about 40 bytes a number) and the garbage collector has nothing in it to trace.
/// </summary>
internal sealed class SeenAssessmentNumbers
{
    private const int BitsPerChar = 6;

    private readonly Dictionary<UInt128, (ulong ContentHash, long Line)> _seen = [];

    /// <summary>Records the number; false, with the first row's hash and line, when it was seen before.</summary>
    public bool TryAdd(string assessmentNumber, ulong contentHash, long line, out (ulong ContentHash, long Line) first)
    {
        ref var entry = ref CollectionsMarshal.GetValueRefOrAddDefault(_seen, Pack(assessmentNumber), out bool exists);
        if (exists)
        {
            first = entry;
            return false;
        }
        entry = (contentHash, line);
        first = default;
        return true;
    }

    /// <summary>Each character becomes a code from 1 to 63 (0 never occurs), so different numbers never share a key.</summary>
    private static UInt128 Pack(string assessmentNumber)
    {
        UInt128 key = 0;
        foreach (char c in assessmentNumber)
        {
            int code = c switch
            {
                '-' => 1,
                >= '0' and <= '9' => 2 + (c - '0'),
                >= 'A' and <= 'Z' => 12 + (c - 'A'),
                >= 'a' and <= 'z' => 38 + (c - 'a'),
                _ => throw new ArgumentException("Een aanslagnummer bestaat uit letters, cijfers en streepjes.", nameof(assessmentNumber)),
            };
            key = (key << BitsPerChar) | (uint)code;
        }
        return key;
    }
}
