using System.Text;
using Invordering.Domain.Imports;

namespace Invordering.Domain.Tests.Imports;

public class CsvReaderTests
{
    /// <summary>Every record as its line and its fields joined by a '|'.</summary>
    private static List<(long Line, string Fields)> ReadAll(CsvReader csv)
    {
        var records = new List<(long, string)>();
        while (csv.Read())
        {
            records.Add((csv.Line, string.Join('|', Enumerable.Range(0, csv.FieldCount).Select(i => csv[i].ToString()))));
        }
        return records;
    }

    [Fact]
    public void Reads_the_header_with_case_insensitive_names()
    {
        using var csv = new CsvReader(TestFiles.Utf8("Naam; BSN ;extra\nx;y;z\n"));
        Assert.Equal(["Naam", "BSN", "extra"], csv.Header);
        Assert.Equal(0, csv.IndexOf("naam"));
        Assert.Equal(1, csv.IndexOf("bsn"));
        Assert.Equal(-1, csv.IndexOf("kvk"));
    }

    [Fact]
    public void Skips_a_byte_order_mark()
    {
        using var csv = new CsvReader(TestFiles.Utf8("a;b\n1;2\n", byteOrderMark: true));
        Assert.Equal(0, csv.IndexOf("a"));
        Assert.Equal([(2L, "1|2")], ReadAll(csv));

        using var decoded = new CsvReader(new StringReader("\uFEFFa;b\n1;2"));
        Assert.Equal(0, decoded.IndexOf("a"));
    }

    [Fact]
    public void Handles_CRLF_and_a_last_line_without_line_end()
    {
        using var csv = new CsvReader(TestFiles.Utf8("a;b\r\n1;2\r\n3;4"));
        Assert.Equal([(2L, "1|2"), (3L, "3|4")], ReadAll(csv));
    }

    [Fact]
    public void Reads_quoted_fields_with_separators_quotes_and_line_breaks()
    {
        string text = "a;b;c\n\"x;y\";\"say \"\"hi\"\"\";\"line 1\r\nline 2\nline 3\"\n4;\"\";6\n";
        using var csv = new CsvReader(TestFiles.Utf8(text));
        var records = ReadAll(csv);
        Assert.Equal(2, records.Count);
        Assert.Equal((2L, "x;y|say \"hi\"|line 1\r\nline 2\nline 3"), records[0]);
        Assert.Equal((5L, "4||6"), records[1]);
    }

    [Fact]
    public void Skips_empty_lines_and_lines_of_empty_fields_but_counts_them()
    {
        using var csv = new CsvReader(TestFiles.Utf8("\n\na;b\n1;2\n\n;\r\n3;4\n\n\n"));
        Assert.Equal([(4L, "1|2"), (7L, "3|4")], ReadAll(csv));
    }

    [Fact]
    public void Keeps_quotes_inside_an_unquoted_field_and_flags_text_after_a_closing_quote()
    {
        using var csv = new CsvReader(TestFiles.Utf8("a;b\nCafé \"De Hoek\";1\n\"x\"y;2\n"));
        Assert.True(csv.Read());
        Assert.Equal("Café \"De Hoek\"", csv[0].ToString());
        Assert.Equal(-1, csv.MalformedFieldIndex);
        Assert.True(csv.Read());
        Assert.Equal(0, csv.MalformedFieldIndex);
        Assert.Equal("xy", csv[0].ToString());
    }

    [Fact]
    public void Reads_records_across_any_buffer_boundary()
    {
        var text = new StringBuilder("id;tekst;n\n");
        var expected = new List<(long, string)>();
        long line = 2;
        for (int i = 0; i < 3000; i++)
        {
            string value = $"regel {i}; met \"\"quote\"\"\nen {new string('x', i % 97)}";
            text.Append($"{i};\"{value}\";{i * 7}\r\n");
            expected.Add((line, $"{i}|{value.Replace("\"\"", "\"")}|{i * 7}"));
            line += 2;
        }

        foreach (int chunk in new[] { 1, 7, 4096 })
        {
            using var csv = new CsvReader(new ChunkedReader(text.ToString(), chunk));
            Assert.Equal(expected, ReadAll(csv));
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\r\n\n")]
    public void Rejects_an_empty_file(string text)
    {
        ImportAssert.Rejected(FileRejectionCodes.Empty, () => new CsvReader(TestFiles.Utf8(text)));
        ImportAssert.Rejected(FileRejectionCodes.Empty, () => new CsvReader(TestFiles.Utf8(text, byteOrderMark: true)));
    }

    [Theory]
    [InlineData("a,b,c\n1,2,3\n")]
    [InlineData("a\tb\tc\n1\t2\t3\n")]
    public void Rejects_another_separator(string text) =>
        ImportAssert.Rejected(FileRejectionCodes.WrongSeparator, () => new CsvReader(TestFiles.Utf8(text)));

    [Fact]
    public void Rejects_a_column_named_twice() =>
        ImportAssert.Rejected(FileRejectionCodes.DuplicateColumn, () => new CsvReader(TestFiles.Utf8("a;B;b\n")));

    [Fact]
    public void Rejects_invalid_UTF8()
    {
        byte[] latin1 = Encoding.Latin1.GetBytes("a;b\nCafé;1\n");
        byte[] utf16 = [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("a;b\n1;2\n")];
        byte[] truncated = [.. Encoding.UTF8.GetBytes("a;b\n1;"), 0xC3];
        foreach (byte[] file in new[] { latin1, utf16, truncated })
        {
            ImportAssert.Rejected(FileRejectionCodes.NotUtf8, () => ReadAll(new CsvReader(new MemoryStream(file))));
        }
    }

    [Fact]
    public void Rejects_a_quote_that_is_never_closed()
    {
        var csv = new CsvReader(TestFiles.Utf8("a;b\n1;2\n\"open;3\n4;5\n"));
        Assert.True(csv.Read());
        var error = ImportAssert.Rejected(FileRejectionCodes.UnclosedQuote, () => csv.Read());
        Assert.Contains("regel 3", error.Message);
    }

    [Fact]
    public void Rejects_a_record_too_long_to_be_real()
    {
        var csv = new CsvReader(new StringReader("a;b\n" + new string('x', 2_100_000)));
        ImportAssert.Rejected(FileRejectionCodes.RecordTooLong, () => csv.Read());
    }

    /// <summary>Gives its text at most a few characters per read, to cross every buffer boundary.</summary>
    private sealed class ChunkedReader(string text, int chunk) : TextReader
    {
        private int _position;

        public override int Read(Span<char> buffer)
        {
            int count = Math.Min(Math.Min(chunk, buffer.Length), text.Length - _position);
            text.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }
    }
}
