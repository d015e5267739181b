namespace Invordering.Letters;

/// <summary>One letter: its code, Dutch title, the model it takes, the model parts it needs, and its Handlebars source.</summary>
/// <param name="Code">The letter code, also the file name under letters/ ("aanmaning").</param>
/// <param name="Title">The Dutch title for staff and the usual subject line ("Aanmaning").</param>
/// <param name="Model">The name of the model type it renders; see <see cref="LetterModels"/>.</param>
/// <param name="Requires">camelCase paths of optional model parts that must be filled ("payBy", "paymentPlan.missedInstalment").</param>
/// <param name="Source">The Handlebars source of the letter body.</param>
public sealed record LetterTemplate(string Code, string Title, string Model, IReadOnlyList<string> Requires, string Source);

/// <summary>The model types letters.json may name.</summary>
public static class LetterModels
{
    /// <summary>The model types by the name letters.json uses.</summary>
    public static IReadOnlyDictionary<string, Type> ByName { get; } = new Dictionary<string, Type>
    {
        [nameof(LetterModel)] = typeof(LetterModel),
    };
}
