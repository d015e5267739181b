using System.Buffers;
using System.Runtime.InteropServices;

namespace Invordering.Domain.Imports;

/// <summary>
/// Writes a row's values one after another in an unambiguous form (each text preceded by its length, null marked
/// apart from empty) and hashes that with <see cref="XxHash64"/>. Dispose to return a rented buffer.
/// </summary>
internal ref struct ContentHash(Span<char> buffer)
{
    private const char NullMarker = '\uFFFF';

    private Span<char> _buffer = buffer;
    private char[]? _rented;
    private int _length;

    public void Add(long value)
    {
        Span<char> target = Reserve(4);
        for (int i = 0; i < 4; i++)
        {
            target[i] = (char)(value >> (16 * i));
        }
    }

    public void Add(string? text)
    {
        if (text is null)
        {
            Reserve(1)[0] = NullMarker;
            return;
        }
        Add(text.Length);
        text.CopyTo(Reserve(text.Length));
    }

    public readonly ulong ToHash() => XxHash64.Hash(MemoryMarshal.AsBytes(_buffer[.._length]));

    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<char>.Shared.Return(_rented);
            _rented = null;
        }
    }

    private Span<char> Reserve(int count)
    {
        if (_length + count > _buffer.Length)
        {
            char[] larger = ArrayPool<char>.Shared.Rent(Math.Max(_buffer.Length * 2, _length + count));
            _buffer[.._length].CopyTo(larger);
            Dispose();
            _rented = larger;
            _buffer = larger;
        }
        Span<char> reserved = _buffer.Slice(_length, count);
        _length += count;
        return reserved;
    }
}
