namespace Invordering.Letters;

/// <summary>
/// Checks template text against the model it renders, so a template with a typo is refused when saved instead of
/// printing a blank: unknown fields, partials and helpers, values printed without their helper, and unclosed blocks.
/// </summary>
/// <remarks>
/// Fields are the model's public properties in camelCase. Blocks: #if, #unless, #each (inside: the list item,
/// @index, @first, @last, ../), #with, {{else}}. Partials run with the letter's own data, so they are checked
/// against the model and may not be called inside #each or #with.
/// </remarks>
public sealed class TemplateValidator
{
    private const string PartialBlock = "@partial-block";

    private readonly IReadOnlySet<string> partialNames;

    /// <summary>Creates a validator that knows these partial names (file names under partials/ without .hbs).</summary>
    public TemplateValidator(IEnumerable<string> partialNames)
    {
        this.partialNames = partialNames.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Checks a letter or partial template; an empty list means it may be saved.</summary>
    public IReadOnlyList<TemplateError> Validate(string templateName, string source, Type modelType) =>
        new Walk(this, templateName, modelType, isLayout: false).Run(source);

    /// <summary>Checks the layout, which must also contain <c>{{> @partial-block}}</c> exactly once: there the letter goes.</summary>
    public IReadOnlyList<TemplateError> ValidateLayout(string templateName, string source, Type modelType) =>
        new Walk(this, templateName, modelType, isLayout: true).Run(source);

    /// <summary>An open block (or the template itself at the bottom) and the data it works on.</summary>
    private sealed class Frame(string name, Type type, bool changesContext, bool isEach, int line)
    {
        public string Name { get; } = name;

        public int Line { get; } = line;

        public Type Type { get; set; } = type;

        public bool ChangesContext { get; set; } = changesContext;

        public bool IsEach { get; set; } = isEach;
    }

    /// <summary>One validation run over one template.</summary>
    private sealed class Walk(TemplateValidator validator, string templateName, Type modelType, bool isLayout)
    {
        private readonly List<TemplateError> errors = [];
        private readonly List<Frame> frames = [new Frame("", modelType, changesContext: true, isEach: false, line: 0)];
        private int partialBlockCount;
        private MustacheTag tag;

        private Frame Top => frames[^1];

        public IReadOnlyList<TemplateError> Run(string source)
        {
            var scanner = new MustacheScanner(source).Scan();
            foreach (var (line, column, message) in scanner.Problems)
            {
                errors.Add(new TemplateError(templateName, line, column, message));
            }

            foreach (var found in scanner.Tags)
            {
                tag = found;
                Visit();
            }

            foreach (var open in frames.Skip(1).Reverse())
            {
                errors.Add(new TemplateError(templateName, open.Line, 1,
                    $"Het blok '{{{{#{open.Name}}}}}' is niet afgesloten. Zet '{{{{/{open.Name}}}}}' op de juiste plek."));
            }

            if (isLayout && partialBlockCount != 1)
            {
                errors.Add(new TemplateError(templateName, 1, 1,
                    "De opmaak (layout) moet precies één keer '{{> @partial-block}}' bevatten: daar komt de brief."));
            }

            return errors.OrderBy(error => error.Line).ThenBy(error => error.Column).ToList();
        }

        private void Visit()
        {
            var content = tag.Content;
            if (tag.IsComment)
            {
                return;
            }

            if (tag.Unescaped || content.StartsWith('&'))
            {
                Error("Gebruik '{{ }}' en niet '{{{ }}}' of '{{& }}': dan toont de brief tekens als < en & veilig.");
                return;
            }

            if (content.StartsWith("#>", StringComparison.Ordinal))
            {
                OpenPartialBlock(content[2..].Trim());
            }
            else if (content.StartsWith("#*", StringComparison.Ordinal))
            {
                Error("Inline onderdelen ('{{#*inline}}') zijn niet toegestaan. Maak een bestand in partials/.");
            }
            else if (content.StartsWith('#'))
            {
                OpenBlock(content[1..].Trim());
            }
            else if (content.StartsWith('/'))
            {
                CloseBlock(content[1..].Trim());
            }
            else if (content == "else" || content == "^")
            {
                Else();
            }
            else if (content.StartsWith("else ", StringComparison.Ordinal))
            {
                ElseChain(content[5..].Trim());
            }
            else if (content.StartsWith('^'))
            {
                OpenInverted(content[1..].Trim());
            }
            else if (content.StartsWith('>'))
            {
                CallPartial(content[1..].Trim());
            }
            else
            {
                Output(content);
            }
        }

        private void Output(string content)
        {
            switch (Parse(content))
            {
                case PathExpression path when LetterHelpers.Find(path.Path) is { } helper:
                    Error($"Helper '{helper.Name}' verwacht precies één veld, bijvoorbeeld '{{{{{helper.Name} veld}}}}'.");
                    break;
                case PathExpression path when LetterHelpers.BlockHelpers.Contains(path.Path):
                    Error($"'{path.Path}' hoort bij een blok: schrijf '{{{{#{path.Path} ...}}}}' en '{{{{/{path.Path}}}}}'.");
                    break;
                case PathExpression path:
                    CheckPrintable(path.Path, Resolve(path.Path));
                    break;
                case CallExpression call:
                    CheckCall(call);
                    break;
            }
        }

        private void CheckPrintable(string path, Type? type)
        {
            if (type is null)
            {
                return;
            }

            var shape = ModelShape.Of(type);
            var lastSegment = path.Split('.', '/')[^1];
            if (shape.IsList)
            {
                Error($"'{path}' is een lijst. Gebruik '{{{{#each {path}}}}}' ... '{{{{/each}}}}'.");
            }
            else if (!shape.IsValue)
            {
                var example = shape.Members.Keys.FirstOrDefault() ?? "veld";
                Error($"'{path}' is een groep gegevens en geen tekst. Kies een veld, bijvoorbeeld '{path}.{example}'.");
            }
            else if (shape.Type == typeof(DateOnly))
            {
                Error($"'{path}' is een datum. Schrijf '{{{{datum {path}}}}}'.");
            }
            else if (lastSegment.EndsWith("Cents", StringComparison.Ordinal))
            {
                Error($"'{path}' is een bedrag in centen. Schrijf '{{{{euro {path}}}}}'.");
            }
        }

        private void CheckCall(CallExpression call)
        {
            var helper = LetterHelpers.Find(call.Helper);
            if (helper is null)
            {
                Error(LetterHelpers.BlockHelpers.Contains(call.Helper)
                    ? $"'{call.Helper}' hoort bij een blok: schrijf '{{{{#{call.Helper} ...}}}}' en '{{{{/{call.Helper}}}}}'."
                    : UnknownHelper(call.Helper));
                return;
            }

            if (call.Arguments.Count != 1 || call.Hash.Count != 0)
            {
                Error($"Helper '{helper.Name}' verwacht precies één veld, bijvoorbeeld '{{{{{helper.Name} veld}}}}'.");
                return;
            }

            if (call.Arguments[0] is not PathExpression argument)
            {
                Error($"Helper '{helper.Name}' verwacht een veld uit de brief, geen vaste waarde.");
                return;
            }

            var type = Resolve(argument.Path);
            if (type is not null && !helper.Accepts.Contains(Nullable.GetUnderlyingType(type) ?? type))
            {
                Error($"Helper '{helper.Name}' verwacht {helper.Expects}, maar '{argument.Path}' is dat niet.");
            }
        }

        private void OpenBlock(string content)
        {
            var expression = Parse(content);
            if (expression is null)
            {
                Push(new Frame(content.Split(' ')[0], Top.Type, false, false, tag.Line));
                return;
            }

            var (name, arguments) = expression switch
            {
                CallExpression call => (call.Helper, call.Arguments),
                PathExpression path => (path.Path, new List<MustacheExpression>()),
                _ => ("", []),
            };
            var frame = new Frame(name, Top.Type, changesContext: false, isEach: false, tag.Line);
            if (expression is CallExpression { Hash.Count: > 0 } || arguments.Any(a => a is PathExpression { Path: "as" }))
            {
                Error($"'#{name}' kent geen extra instellingen zoals 'as |naam|' of 'sleutel=waarde'.");
            }
            else if (!LetterHelpers.BlockHelpers.Contains(name))
            {
                Error(LetterHelpers.Find(name) is not null
                    ? $"Helper '{name}' is geen blok. Schrijf '{{{{{name} veld}}}}' zonder '#'."
                    : UnknownHelper(name));
            }
            else if (arguments.Count != 1)
            {
                Error($"'#{name}' verwacht precies één veld, bijvoorbeeld '{{{{#{name} payBy}}}}'.");
            }
            else
            {
                CheckBlockArgument(name, arguments[0], frame);
            }

            Push(frame);
        }

        private void CheckBlockArgument(string name, MustacheExpression argument, Frame frame)
        {
            if (argument is CallExpression call && name is "if" or "unless")
            {
                CheckCall(call);
                return;
            }

            if (argument is not PathExpression path)
            {
                Error($"'#{name}' verwacht een veld uit de brief.");
                return;
            }

            var type = Resolve(path.Path);
            if (type is null || name is "if" or "unless")
            {
                return;
            }

            var shape = ModelShape.Of(type);
            if (name == "each" && !shape.IsList)
            {
                Error($"'#each' verwacht een lijst, maar '{path.Path}' is geen lijst.");
            }
            else if (name == "each")
            {
                frame.Type = shape.ElementType!;
                frame.ChangesContext = true;
                frame.IsEach = true;
            }
            else if (shape.IsValue || shape.IsList)
            {
                Error($"'#with' verwacht een groep gegevens, maar '{path.Path}' is dat niet.");
            }
            else
            {
                frame.Type = shape.Type;
                frame.ChangesContext = true;
            }
        }

        private void OpenInverted(string content)
        {
            Resolve(content);
            Push(new Frame(content, Top.Type, false, false, tag.Line));
        }

        private void OpenPartialBlock(string name)
        {
            CheckPartialName(name);
            Push(new Frame(name, Top.Type, false, false, tag.Line));
        }

        private void CloseBlock(string name)
        {
            var index = frames.FindLastIndex(frame => frame.Name == name);
            if (index < 1)
            {
                Error($"'{{{{/{name}}}}}' sluit geen open blok af.");
                return;
            }

            if (index != frames.Count - 1)
            {
                Error($"'{{{{/{name}}}}}' staat op de verkeerde plek: eerst moet '{{{{/{Top.Name}}}}}' komen.");
            }

            frames.RemoveRange(index, frames.Count - index);
        }

        private void Else()
        {
            if (frames.Count == 1)
            {
                Error("'{{else}}' staat buiten een blok.");
                return;
            }

            if (Top.ChangesContext)
            {
                Top.Type = frames[^2].Type;
                Top.ChangesContext = false;
                Top.IsEach = false;
            }
        }

        private void ElseChain(string content)
        {
            Else();
            var expression = Parse(content);
            if (expression is CallExpression { Helper: "if" or "unless", Arguments.Count: 1 } call)
            {
                CheckBlockArgument(call.Helper, call.Arguments[0], Top);
            }
            else if (expression is not null)
            {
                Error("Na '{{else' mag alleen 'if veld' of 'unless veld' komen.");
            }
        }

        private void CallPartial(string content)
        {
            var parts = content.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 0)
            {
                Error("'{{>' zonder naam van een onderdeel.");
                return;
            }

            var name = parts[0].Trim('"', '\'');
            if (parts.Length > 1)
            {
                Error($"Geef geen waarden mee aan onderdeel '{name}': het werkt met de gegevens van de hele brief.");
            }

            if (name == PartialBlock)
            {
                partialBlockCount++;
                if (!isLayout)
                {
                    Error("'{{> @partial-block}}' mag alleen in de opmaak (layout).");
                }

                return;
            }

            CheckPartialName(name);
        }

        private void CheckPartialName(string name)
        {
            if (!validator.partialNames.Contains(name))
            {
                var known = string.Join(", ", validator.partialNames.Order(StringComparer.Ordinal));
                Error($"Onbekend onderdeel (partial) '{name}'. Bestaande onderdelen: {known}.");
            }
            else if (frames.Any(frame => frame.ChangesContext && frame != frames[0]))
            {
                Error($"Onderdeel '{name}' staat binnen '#each' of '#with'. Zet het daarbuiten: een onderdeel werkt met de gegevens van de hele brief.");
            }
        }

        /// <summary>The type a path points at, or null after reporting why it does not exist.</summary>
        private Type? Resolve(string path)
        {
            if (path.StartsWith('@'))
            {
                return ResolveData(path);
            }

            var rest = path;
            var context = frames.FindLastIndex(frame => frame.ChangesContext);
            while (rest.StartsWith("../", StringComparison.Ordinal))
            {
                rest = rest[3..];
                context = context <= 0 ? -1 : frames.FindLastIndex(context - 1, frame => frame.ChangesContext);
                if (context < 0)
                {
                    Error($"'{path}' gaat verder terug dan de brief zelf.");
                    return null;
                }
            }

            return ResolveMembers(path, frames[context].Type, StripThis(rest));
        }

        private Type? ResolveData(string path)
        {
            var segments = path.Split('.', 2);
            switch (segments[0])
            {
                case "@root":
                    return ResolveMembers(path, modelType, segments.Length > 1 ? segments[1] : "");
                case "@index" or "@first" or "@last" when segments.Length == 1:
                    if (!frames.Any(frame => frame.IsEach))
                    {
                        Error($"'{path}' werkt alleen binnen '{{{{#each}}}}'.");
                        return null;
                    }

                    return segments[0] == "@index" ? typeof(int) : typeof(bool);
                default:
                    Error($"Onbekende variabele '{path}'. Bruikbaar zijn '@root', en binnen '#each': '@index', '@first' en '@last'.");
                    return null;
            }
        }

        private Type? ResolveMembers(string path, Type start, string members)
        {
            var type = start;
            var walked = path[..(path.Length - members.Length)].TrimEnd('.', '/');
            foreach (var raw in members.Split('.', '/', StringSplitOptions.RemoveEmptyEntries))
            {
                var segment = raw.Trim('[', ']');
                var shape = ModelShape.Of(type);
                if (shape.IsValue || shape.IsList)
                {
                    var what = shape.IsList ? "een lijst; gebruik '#each'" : "een enkele waarde";
                    Error($"'{path}' bestaat niet: '{(walked.Length == 0 ? "this" : walked)}' is {what}.");
                    return null;
                }

                if (!shape.Members.TryGetValue(segment, out var property))
                {
                    Error(UnknownField(path, segment, shape));
                    return null;
                }

                type = property.PropertyType;
                walked = walked.Length == 0 ? segment : $"{walked}.{segment}";
            }

            return type;
        }

        private static string StripThis(string path) => path switch
        {
            "this" or "." or "" => "",
            _ when path.StartsWith("this.", StringComparison.Ordinal) || path.StartsWith("this/", StringComparison.Ordinal) => path[5..],
            _ when path.StartsWith("./", StringComparison.Ordinal) => path[2..],
            _ => path,
        };

        private static string UnknownField(string path, string segment, ModelShape shape)
        {
            var suggestion = Closest(segment, shape.Members.Keys);
            return suggestion is not null
                ? $"Onbekend veld '{path}': '{segment}' bestaat niet. Bedoelt u '{suggestion}'?"
                : $"Onbekend veld '{path}': '{segment}' bestaat niet. Velden hier: {string.Join(", ", shape.Members.Keys)}.";
        }

        private static string UnknownHelper(string name) =>
            $"Onbekende helper '{name}'. Bestaande helpers: {string.Join(", ", LetterHelpers.All.Select(h => h.Name))}; "
            + "blokken: #if, #unless, #each, #with.";

        private static string? Closest(string word, IEnumerable<string> candidates)
        {
            var best = candidates
                .Select(candidate => (candidate, distance: Distance(word.ToLowerInvariant(), candidate.ToLowerInvariant())))
                .OrderBy(pair => pair.distance)
                .FirstOrDefault();
            return best.candidate is not null && best.distance <= Math.Max(2, word.Length / 3) ? best.candidate : null;
        }

        private static int Distance(string a, string b)
        {
            var previous = Enumerable.Range(0, b.Length + 1).ToArray();
            for (var i = 1; i <= a.Length; i++)
            {
                var current = new int[b.Length + 1];
                current[0] = i;
                for (var j = 1; j <= b.Length; j++)
                {
                    var substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
                    current[j] = Math.Min(substitution, Math.Min(previous[j], current[j - 1]) + 1);
                }

                previous = current;
            }

            return previous[b.Length];
        }

        private MustacheExpression? Parse(string content)
        {
            var expression = MustacheExpression.Parse(content, out var problem);
            if (problem is not null)
            {
                Error(problem);
            }

            return expression;
        }

        private void Push(Frame frame) => frames.Add(frame);

        private void Error(string message) => errors.Add(new TemplateError(templateName, tag.Line, tag.Column, message));
    }
}
