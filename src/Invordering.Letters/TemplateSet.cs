using System.Text.Json;
using System.Text.RegularExpressions;

namespace Invordering.Letters;

/// <summary>A versioned set of letter templates: the layout, the partials and the letters with their catalogue.</summary>
/// <remarks>
/// On disk (see <see cref="Load"/>): <c>layout.hbs</c>, <c>partials/NAME.hbs</c>, <c>letters/CODE.hbs</c> and
/// <c>letters.json</c>, which lists each letter's code, Dutch title, model and required model parts.
/// </remarks>
public sealed partial class TemplateSet
{
    /// <summary>The partial name under which the layout is registered; no partial file may use it.</summary>
    public const string LayoutName = "layout";

    /// <summary>The name of the catalogue file in a template directory.</summary>
    public const string CatalogueFileName = "letters.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    private readonly Dictionary<string, LetterTemplate> lettersByCode;

    /// <summary>Builds a set from sources, for example as stored in the database; checks its structure, not its contents.</summary>
    /// <exception cref="InvalidTemplateException">A name is invalid or repeated, a model is unknown, or a required part does not exist.</exception>
    public TemplateSet(int version, string layout, IReadOnlyDictionary<string, string> partials, IReadOnlyList<LetterTemplate> letters)
    {
        Version = version;
        Layout = layout;
        Partials = partials;
        Letters = letters;
        lettersByCode = new Dictionary<string, LetterTemplate>(StringComparer.Ordinal);
        foreach (var name in partials.Keys)
        {
            CheckName(name, "onderdeel");
            if (name == LayoutName)
            {
                throw new InvalidTemplateException($"Een onderdeel mag niet '{LayoutName}' heten: die naam is voor de opmaak.");
            }
        }

        foreach (var letter in letters)
        {
            CheckName(letter.Code, "brief");
            if (!lettersByCode.TryAdd(letter.Code, letter))
            {
                throw new InvalidTemplateException($"De brief '{letter.Code}' staat twee keer in de lijst.");
            }

            if (!LetterModels.ByName.TryGetValue(letter.Model, out var modelType))
            {
                throw new InvalidTemplateException(
                    $"De brief '{letter.Code}' gebruikt het onbekende model '{letter.Model}'. Bestaande modellen: {string.Join(", ", LetterModels.ByName.Keys)}.");
            }

            var unknown = letter.Requires.FirstOrDefault(path => ModelPath.Resolve(modelType, path) is null);
            if (unknown is not null)
            {
                throw new InvalidTemplateException($"De brief '{letter.Code}' vraagt om het onbekende veld '{unknown}'.");
            }
        }
    }

    /// <summary>The version of this set; every rendered letter carries it.</summary>
    public int Version { get; }

    /// <summary>The layout source: a whole HTML document with <c>{{> @partial-block}}</c> where the letter goes.</summary>
    public string Layout { get; }

    /// <summary>The partial sources by name.</summary>
    public IReadOnlyDictionary<string, string> Partials { get; }

    /// <summary>The letters, in catalogue order.</summary>
    public IReadOnlyList<LetterTemplate> Letters { get; }

    /// <summary>The letter with this code.</summary>
    /// <exception cref="ArgumentException">No letter has this code.</exception>
    public LetterTemplate Letter(string code) =>
        lettersByCode.TryGetValue(code, out var letter)
            ? letter
            : throw new ArgumentException(
                $"Onbekende brief '{code}'. Bestaande brieven: {string.Join(", ", lettersByCode.Keys)}.", nameof(code));

    /// <summary>A validator that knows this set's partials, for checking a template before it is saved.</summary>
    public TemplateValidator CreateValidator() => new(Partials.Keys);

    /// <summary>Validates the layout, every partial and every letter against their models; empty when all are fine.</summary>
    public IReadOnlyList<TemplateError> Validate()
    {
        var validator = CreateValidator();
        var modelTypes = Letters.Select(letter => LetterModels.ByName[letter.Model]).DefaultIfEmpty(typeof(LetterModel)).Distinct();
        var errors = new List<TemplateError>();
        foreach (var modelType in modelTypes)
        {
            errors.AddRange(validator.ValidateLayout(LayoutName, Layout, modelType));
            foreach (var (name, source) in Partials)
            {
                errors.AddRange(validator.Validate($"partials/{name}", source, modelType));
            }
        }

        foreach (var letter in Letters)
        {
            errors.AddRange(validator.Validate($"letters/{letter.Code}", letter.Source, LetterModels.ByName[letter.Model]));
        }

        return errors.Distinct().ToList();
    }

    /// <summary>Loads a template directory (layout.hbs, partials/, letters/, letters.json) as the given version.</summary>
    /// <exception cref="InvalidTemplateException">A file is missing or unreadable, or letters.json and letters/ disagree.</exception>
    public static TemplateSet Load(string directory, int version = 1)
    {
        var layout = ReadFile(Path.Combine(directory, "layout.hbs"));
        var partialsDirectory = Path.Combine(directory, "partials");
        var partials = Directory.Exists(partialsDirectory)
            ? Directory.GetFiles(partialsDirectory, "*.hbs")
                .Order(StringComparer.Ordinal)
                .ToDictionary(file => Path.GetFileNameWithoutExtension(file), ReadFile, StringComparer.Ordinal)
            : [];

        var catalogue = ReadCatalogue(Path.Combine(directory, CatalogueFileName));
        var lettersDirectory = Path.Combine(directory, "letters");
        var letters = catalogue.Select(entry => new LetterTemplate(
                entry.Code, entry.Title, entry.Model, entry.Requires ?? [], ReadFile(Path.Combine(lettersDirectory, entry.Code + ".hbs"))))
            .ToList();

        var files = Directory.Exists(lettersDirectory) ? Directory.GetFiles(lettersDirectory, "*.hbs") : [];
        var unlisted = files
            .Select(file => Path.GetFileNameWithoutExtension(file))
            .Except(letters.Select(letter => letter.Code))
            .Order(StringComparer.Ordinal)
            .ToList();
        if (unlisted.Count > 0)
        {
            throw new InvalidTemplateException(
                $"Deze brieven staan niet in {CatalogueFileName}: {string.Join(", ", unlisted)}. Voeg ze toe met titel en model.");
        }

        return new TemplateSet(version, layout, partials, letters);
    }

    private static List<CatalogueEntry> ReadCatalogue(string path)
    {
        try
        {
            var catalogue = JsonSerializer.Deserialize<Catalogue>(ReadFile(path), JsonOptions);
            var entries = catalogue?.Letters ?? [];
            var incomplete = entries.FirstOrDefault(entry =>
                string.IsNullOrWhiteSpace(entry.Code) || string.IsNullOrWhiteSpace(entry.Title) || string.IsNullOrWhiteSpace(entry.Model));
            if (incomplete is not null)
            {
                throw new InvalidTemplateException($"In {CatalogueFileName} mist bij een brief de code, de titel of het model.");
            }

            return entries;
        }
        catch (JsonException exception)
        {
            throw new InvalidTemplateException($"{CatalogueFileName} is geen geldige JSON: {exception.Message}");
        }
    }

    private static string ReadFile(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new InvalidTemplateException($"Kan het sjabloonbestand '{path}' niet lezen: {exception.Message}");
        }
    }

    private static void CheckName(string name, string what)
    {
        if (!NamePattern().IsMatch(name))
        {
            throw new InvalidTemplateException(
                $"De naam van {what} '{name}' mag alleen kleine letters, cijfers en streepjes bevatten.");
        }
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex NamePattern();

    private sealed record Catalogue(List<CatalogueEntry>? Letters);

    private sealed record CatalogueEntry(string Code, string Title, string Model, List<string>? Requires);
}
