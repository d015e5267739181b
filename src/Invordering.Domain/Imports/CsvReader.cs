using System.Buffers;
using System.Text;

namespace Invordering.Domain.Imports;

/// <summary>
/// Streaming reader for the semicolon-separated UTF-8 files of the import formats: reads the header row,
/// then one record at a time, tracking the physical line where each record starts. Quoted fields may hold
/// <c>;</c>, line breaks and <c>""</c>; lines end in LF or CRLF; empty lines are skipped.
/// </summary>
public sealed class CsvReader : IDisposable
{
    private const char Separator = ';';
    private const char Quote = '"';
    private const int InitialBufferSize = 64 * 1024;
    private const int MaxRecordLength = 1024 * 1024;

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: true, throwOnInvalidBytes: true);
    private static readonly SearchValues<char> UnquotedFieldEnd = SearchValues.Create(";\n");
    private static readonly SearchValues<char> QuotedFieldStop = SearchValues.Create("\"\n");
    private static readonly SearchValues<char> LineEndOrQuote = SearchValues.Create("\n\"");

    private readonly TextReader _reader;
    private readonly bool _ownsReader;
    private readonly Dictionary<string, int> _columnIndexes = new(StringComparer.OrdinalIgnoreCase);

    private char[] _buffer = new char[InitialBufferSize];
    private int _position;
    private int _length;
    private bool _endOfInput;
    private long _nextLine = 1;

    private char[] _values = new char[1024];
    private int _valuesLength;
    private bool _fieldsInBuffer;
    private int[] _fieldStarts = new int[32];
    private int[] _fieldLengths = new int[32];

    /// <summary>Reads a UTF-8 stream (a byte-order mark is allowed); the stream stays open. Reads the header row.</summary>
    /// <exception cref="FileRejectedException">The file is empty, not UTF-8, or not separated by semicolons.</exception>
    public CsvReader(Stream stream)
        : this(new StreamReader(stream, StrictUtf8, detectEncodingFromByteOrderMarks: false, bufferSize: InitialBufferSize, leaveOpen: true), ownsReader: true)
    {
    }

    /// <summary>Reads text that is already decoded; the reader stays open. Reads the header row.</summary>
    /// <exception cref="FileRejectedException">The text is empty or not separated by semicolons.</exception>
    public CsvReader(TextReader reader)
        : this(reader, ownsReader: false)
    {
    }

    private CsvReader(TextReader reader, bool ownsReader)
    {
        _reader = reader;
        _ownsReader = ownsReader;
        Header = ReadHeader();
    }

    /// <summary>The column names of the header row, trimmed, in file order.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>The physical line (1-based) where the current record starts.</summary>
    public long Line { get; private set; }

    /// <summary>The number of fields of the current record.</summary>
    public int FieldCount { get; private set; }

    /// <summary>The index of a quoted field of the current record with text after its closing quote, or -1.</summary>
    public int MalformedFieldIndex { get; private set; } = -1;

    /// <summary>The field of the current record at the index, unquoted and unescaped, untrimmed.</summary>
    public ReadOnlySpan<char> this[int index] => (_fieldsInBuffer ? _buffer : _values).AsSpan(_fieldStarts[index], _fieldLengths[index]);

    /// <summary>The index of a header column by case-insensitive name, or -1 when the file lacks it.</summary>
    public int IndexOf(string column) => _columnIndexes.GetValueOrDefault(column, -1);

    /// <summary>Moves to the next record that is not empty; false at the end of the file.</summary>
    /// <exception cref="FileRejectedException">The rest of the file cannot be read as CSV.</exception>
    public bool Read()
    {
        while (ReadRecord())
        {
            if (!IsBlank())
            {
                return true;
            }
        }
        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsReader)
        {
            _reader.Dispose();
        }
    }

    private string[] ReadHeader()
    {
        if (!Read())
        {
            throw new FileRejectedException(FileRejectionCodes.Empty, "Het bestand is leeg: er staat geen kopregel met kolomnamen in.");
        }

        var names = new string[FieldCount];
        for (int i = 0; i < FieldCount; i++)
        {
            ReadOnlySpan<char> name = this[i];
            if (i == 0 && name.StartsWith('\uFEFF'))
            {
                name = name[1..];
            }
            names[i] = name.Trim().ToString();
        }

        if (names.Length == 1 && names[0].AsSpan().ContainsAny(",\t"))
        {
            throw new FileRejectedException(FileRejectionCodes.WrongSeparator,
                "De kopregel is niet gescheiden door puntkomma's (;). Sla het bestand op met ; als scheidingsteken.");
        }

        for (int i = 0; i < names.Length; i++)
        {
            if (names[i].Length > 0 && !_columnIndexes.TryAdd(names[i], i))
            {
                throw new FileRejectedException(FileRejectionCodes.DuplicateColumn,
                    $"De kolom '{names[i]}' staat twee keer in de kopregel.");
            }
        }
        return names;
    }

    private bool IsBlank()
    {
        for (int i = 0; i < FieldCount; i++)
        {
            if (!this[i].IsWhiteSpace())
            {
                return false;
            }
        }
        return true;
    }

    private bool ReadRecord()
    {
        while (true)
        {
            if (_position == _length)
            {
                if (_endOfInput)
                {
                    return false;
                }
                Refill();
                continue;
            }

            int end = ParseRecord(out int lineBreaks);
            if (end >= 0)
            {
                Line = _nextLine;
                _nextLine += lineBreaks;
                _position = end;
                return true;
            }
            Refill();
        }
    }

    /// <summary>
    /// Parses the record that starts at the current position. Returns the position after it, or -1 when the buffer
    /// ends before the record does (the caller refills and the record is parsed again).
    /// </summary>
    private int ParseRecord(out int lineBreaks)
    {
        FieldCount = 0;
        MalformedFieldIndex = -1;
        ReadOnlySpan<char> rest = _buffer.AsSpan(_position, _length - _position);
        int stop = rest.IndexOfAny(LineEndOrQuote);
        if (stop >= 0 && rest[stop] == Quote)
        {
            return ParseRecordWithQuotes(out lineBreaks);
        }
        if (stop < 0 && !_endOfInput)
        {
            lineBreaks = 0;
            return -1;
        }

        int lineLength = stop < 0 ? rest.Length : stop;
        SplitLine(_position, lineLength);
        lineBreaks = stop < 0 ? 0 : 1;
        return _position + lineLength + lineBreaks;
    }

    /// <summary>The common case, a line without quotes: its fields are read where they stand in the buffer.</summary>
    private void SplitLine(int start, int length)
    {
        _fieldsInBuffer = true;
        ReadOnlySpan<char> line = WithoutCarriageReturn(_buffer.AsSpan(start, length), start + length);
        int fieldStart = 0;
        int separator;
        while ((separator = line[fieldStart..].IndexOf(Separator)) >= 0)
        {
            AddField(start + fieldStart, separator);
            fieldStart += separator + 1;
        }
        AddField(start + fieldStart, line.Length - fieldStart);
    }

    /// <summary>A record with quotes, which may span lines: its fields are unquoted and copied to the field storage.</summary>
    private int ParseRecordWithQuotes(out int lineBreaks)
    {
        lineBreaks = 0;
        _fieldsInBuffer = false;
        _valuesLength = 0;
        int position = _position;

        while (true)
        {
            int fieldStart = _valuesLength;
            position = position < _length && _buffer[position] == Quote
                ? ParseQuotedField(position + 1, ref lineBreaks)
                : ParseUnquotedField(position);
            if (position < 0)
            {
                return -1;
            }
            AddField(fieldStart, _valuesLength - fieldStart);

            if (position == _length)
            {
                return position;
            }
            if (_buffer[position] == '\n')
            {
                lineBreaks++;
                return position + 1;
            }
            position++;
        }
    }

    /// <summary>Copies an unquoted field; returns the position of the <c>;</c> or line break after it, or of the end of input.</summary>
    private int ParseUnquotedField(int position)
    {
        int end = FindFieldEnd(position);
        if (end < 0)
        {
            return -1;
        }
        AppendValue(WithoutCarriageReturn(_buffer.AsSpan(position, end - position), end));
        return end;
    }

    /// <summary>Copies a quoted field that starts after its opening quote; returns the position after it, like <see cref="ParseUnquotedField"/>.</summary>
    private int ParseQuotedField(int position, ref int lineBreaks)
    {
        while (true)
        {
            int stop = _buffer.AsSpan(position, _length - position).IndexOfAny(QuotedFieldStop);
            if (stop < 0)
            {
                if (_endOfInput)
                {
                    throw new FileRejectedException(FileRejectionCodes.UnclosedQuote,
                        $"Een veld dat op regel {_nextLine} begint met een aanhalingsteken (\") wordt nergens gesloten.");
                }
                return -1;
            }

            stop += position;
            if (_buffer[stop] == '\n')
            {
                lineBreaks++;
                AppendValue(_buffer.AsSpan(position, stop + 1 - position));
                position = stop + 1;
                continue;
            }

            AppendValue(_buffer.AsSpan(position, stop - position));
            position = stop + 1;
            if (position == _length && !_endOfInput)
            {
                return -1;
            }
            if (position < _length && _buffer[position] == Quote)
            {
                AppendValue([Quote]);
                position++;
                continue;
            }
            break;
        }

        int end = FindFieldEnd(position);
        if (end < 0)
        {
            return -1;
        }
        ReadOnlySpan<char> trailing = WithoutCarriageReturn(_buffer.AsSpan(position, end - position), end);
        if (!trailing.IsEmpty)
        {
            MalformedFieldIndex = FieldCount;
            AppendValue(trailing);
        }
        return end;
    }

    /// <summary>The position of the next <c>;</c> or line break, the end of input, or -1 when more input is needed to know.</summary>
    private int FindFieldEnd(int position)
    {
        int end = _buffer.AsSpan(position, _length - position).IndexOfAny(UnquotedFieldEnd);
        if (end >= 0)
        {
            return position + end;
        }
        return _endOfInput ? _length : -1;
    }

    /// <summary>Drops the carriage return of a CRLF line end (or of a last line without LF) from a field's text.</summary>
    private ReadOnlySpan<char> WithoutCarriageReturn(ReadOnlySpan<char> text, int end) =>
        text.EndsWith('\r') && (end == _length || _buffer[end] == '\n') ? text[..^1] : text;

    private void AppendValue(ReadOnlySpan<char> text)
    {
        if (_valuesLength + text.Length > _values.Length)
        {
            Array.Resize(ref _values, Math.Max(_values.Length * 2, _valuesLength + text.Length));
        }
        text.CopyTo(_values.AsSpan(_valuesLength));
        _valuesLength += text.Length;
    }

    private void AddField(int start, int length)
    {
        if (FieldCount == _fieldStarts.Length)
        {
            Array.Resize(ref _fieldStarts, FieldCount * 2);
            Array.Resize(ref _fieldLengths, FieldCount * 2);
        }
        _fieldStarts[FieldCount] = start;
        _fieldLengths[FieldCount] = length;
        FieldCount++;
    }

    /// <summary>Keeps the unparsed rest at the start of the buffer (growing it when one record fills it) and reads more text after it.</summary>
    private void Refill()
    {
        if (_position > 0)
        {
            _buffer.AsSpan(_position, _length - _position).CopyTo(_buffer);
            _length -= _position;
            _position = 0;
        }
        if (_length == _buffer.Length)
        {
            if (_buffer.Length >= MaxRecordLength)
            {
                throw new FileRejectedException(FileRejectionCodes.RecordTooLong,
                    $"De regel die op regel {_nextLine} begint is langer dan {MaxRecordLength} tekens. Staat er een aanhalingsteken (\") dat niet gesloten wordt?");
            }
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        int read;
        try
        {
            read = _reader.Read(_buffer.AsSpan(_length));
        }
        catch (DecoderFallbackException)
        {
            throw new FileRejectedException(FileRejectionCodes.NotUtf8,
                "Het bestand is geen geldige UTF-8-tekst. Sla het op als CSV in UTF-8 en probeer het opnieuw.");
        }
        _length += read;
        _endOfInput = read == 0;
    }
}
