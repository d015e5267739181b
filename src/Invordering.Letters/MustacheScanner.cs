namespace Invordering.Letters;

/// <summary>One <c>{{...}}</c> tag found in a template, with its position and trimmed content.</summary>
internal readonly record struct MustacheTag(int Line, int Column, string Content, bool Unescaped, bool IsComment);

/// <summary>Finds the mustache tags in template text and the tags that are not closed.</summary>
internal sealed class MustacheScanner
{
    private readonly string source;
    private readonly List<int> lineStarts = [0];

    public MustacheScanner(string source)
    {
        this.source = source;
        for (var i = 0; i < source.Length; i++)
        {
            if (source[i] == '\n')
            {
                lineStarts.Add(i + 1);
            }
        }
    }

    public List<MustacheTag> Tags { get; } = [];

    public List<(int Line, int Column, string Message)> Problems { get; } = [];

    public MustacheScanner Scan()
    {
        var position = 0;
        while (position < source.Length)
        {
            var start = source.IndexOf("{{", position, StringComparison.Ordinal);
            if (start < 0)
            {
                break;
            }

            if (start > 0 && source[start - 1] == '\\')
            {
                position = start + 2;
                continue;
            }

            position = ReadTag(start);
        }

        return this;
    }

    private int ReadTag(int start)
    {
        var (line, column) = PositionOf(start);
        if (At(start, "{{{{"))
        {
            Problems.Add((line, column, "Ruwe blokken ('{{{{ }}}}') zijn niet toegestaan."));
            var rawEnd = source.IndexOf("}}}}", start, StringComparison.Ordinal);
            return rawEnd < 0 ? source.Length : rawEnd + 4;
        }

        var contentStart = start + 2;
        var afterTilde = contentStart < source.Length && source[contentStart] == '~' ? contentStart + 1 : contentStart;
        if (At(afterTilde, "!--"))
        {
            var commentEnd = source.IndexOf("--", afterTilde + 3, StringComparison.Ordinal);
            while (commentEnd >= 0 && !At(commentEnd + 2, "}}") && !At(commentEnd + 2, "~}}"))
            {
                commentEnd = source.IndexOf("--", commentEnd + 1, StringComparison.Ordinal);
            }

            if (commentEnd < 0)
            {
                Problems.Add((line, column, "Commentaar '{{!--' zonder '--}}'."));
                return source.Length;
            }

            Tags.Add(new MustacheTag(line, column, "", false, true));
            return source.IndexOf("}}", commentEnd, StringComparison.Ordinal) + 2;
        }

        var unescaped = At(contentStart, "{");
        var closer = unescaped ? "}}}" : "}}";
        if (unescaped)
        {
            contentStart++;
        }

        var end = source.IndexOf(closer, contentStart, StringComparison.Ordinal);
        var nextOpen = source.IndexOf("{{", contentStart, StringComparison.Ordinal);
        if (end < 0 || (nextOpen >= 0 && nextOpen < end))
        {
            Problems.Add((line, column, $"'{(unescaped ? "{{{" : "{{")}' zonder '{closer}'."));
            return nextOpen < 0 ? source.Length : nextOpen;
        }

        var content = source[contentStart..end].Trim().TrimStart('~').TrimEnd('~').Trim();
        Tags.Add(new MustacheTag(line, column, content, unescaped, content.StartsWith('!')));
        return end + closer.Length;
    }

    private bool At(int index, string text) =>
        index + text.Length <= source.Length && string.CompareOrdinal(source, index, text, 0, text.Length) == 0;

    private (int Line, int Column) PositionOf(int index)
    {
        var line = lineStarts.BinarySearch(index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return (line + 1, index - lineStarts[line] + 1);
    }
}
