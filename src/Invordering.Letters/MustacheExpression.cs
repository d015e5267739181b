namespace Invordering.Letters;

/// <summary>A parsed expression inside a mustache tag: a path, a literal or a helper call.</summary>
internal abstract record MustacheExpression
{
    /// <summary>Parses "helper arg (sub arg) key=value" or a single path; returns null with a message when it cannot.</summary>
    public static MustacheExpression? Parse(string text, out string? problem)
    {
        problem = null;
        var tokens = Tokenize(text);
        var position = 0;
        var items = ParseSequence(tokens, ref position, ref problem);
        if (problem is not null)
        {
            return null;
        }

        if (position < tokens.Count)
        {
            problem = $"Onverwacht teken '{tokens[position]}'.";
            return null;
        }

        if (items.Count == 0)
        {
            problem = "Lege '{{ }}'.";
            return null;
        }

        return items.Count == 1 && items[0] is not HashArgument ? items[0] : ToCall(items, ref problem);
    }

    private static MustacheExpression? ToCall(List<MustacheExpression> items, ref string? problem)
    {
        if (items[0] is not PathExpression head)
        {
            problem = "Een helper-aanroep moet met de naam van de helper beginnen.";
            return null;
        }

        return new CallExpression(
            head.Path,
            items.Skip(1).Where(item => item is not HashArgument).ToList(),
            items.OfType<HashArgument>().ToList());
    }

    private static List<MustacheExpression> ParseSequence(List<string> tokens, ref int position, ref string? problem)
    {
        var items = new List<MustacheExpression>();
        while (position < tokens.Count && problem is null && tokens[position] != ")")
        {
            var token = tokens[position++];
            if (token == "(")
            {
                var inner = ParseSequence(tokens, ref position, ref problem);
                if (position >= tokens.Count || tokens[position] != ")")
                {
                    problem ??= "'(' zonder ')'.";
                    break;
                }

                position++;
                var call = inner.Count == 0 ? null : ToCall(inner, ref problem);
                if (call is null)
                {
                    problem ??= "Lege '( )'.";
                    break;
                }

                items.Add(call);
            }
            else if (position < tokens.Count && tokens[position] == "=")
            {
                position++;
                var value = position < tokens.Count ? ParseSingle(tokens[position++]) : null;
                if (value is null)
                {
                    problem = $"'{token}=' zonder waarde.";
                    break;
                }

                items.Add(new HashArgument(token, value));
            }
            else if (token == "=")
            {
                problem = "Onverwacht '='.";
            }
            else
            {
                items.Add(ParseSingle(token)!);
            }
        }

        return items;
    }

    private static MustacheExpression? ParseSingle(string token) => token switch
    {
        "(" or ")" or "=" => null,
        "true" or "false" or "null" or "undefined" => new LiteralExpression(token),
        _ when token[0] is '"' or '\'' => new LiteralExpression(token),
        _ when decimal.TryParse(token, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _)
            => new LiteralExpression(token),
        _ => new PathExpression(token),
    };

    private static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '(' or ')' or '=')
            {
                tokens.Add(c.ToString());
                i++;
            }
            else if (c is '"' or '\'')
            {
                var close = text.IndexOf(c, i + 1);
                var end = close < 0 ? text.Length : close + 1;
                tokens.Add(text[i..end]);
                i = end;
            }
            else
            {
                var start = i;
                var inBrackets = false;
                while (i < text.Length && (inBrackets || !(char.IsWhiteSpace(text[i]) || text[i] is '(' or ')' or '=')))
                {
                    inBrackets = text[i] == '[' || (inBrackets && text[i] != ']');
                    i++;
                }

                tokens.Add(text[start..i]);
            }
        }

        return tokens;
    }
}

/// <summary>A path to a model value: "recipient.name", "this", "../caseReference", "@index".</summary>
internal sealed record PathExpression(string Path) : MustacheExpression;

/// <summary>A fixed value: a quoted string, a number, true, false or null.</summary>
internal sealed record LiteralExpression(string Text) : MustacheExpression;

/// <summary>A helper call with its positional arguments and key=value arguments.</summary>
internal sealed record CallExpression(string Helper, List<MustacheExpression> Arguments, List<HashArgument> Hash) : MustacheExpression;

/// <summary>A key=value argument.</summary>
internal sealed record HashArgument(string Key, MustacheExpression Value) : MustacheExpression;
