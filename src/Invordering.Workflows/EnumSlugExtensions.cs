using System.Reflection;
using System.Text.Json.Serialization;

namespace Invordering.Workflows;

/// <summary>Turns the runtime's enums into the Dutch slugs used in definition files, the database and the journal.</summary>
public static class EnumSlugExtensions
{
    /// <summary>The slug of an enum value, as written in workflow files (for example <c>hernieuwd-bevel</c>).</summary>
    public static string ToSlug(this Enum value)
    {
        var name = value.ToString();
        var member = value.GetType().GetField(name, BindingFlags.Public | BindingFlags.Static);
        return member?.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? name;
    }

    /// <summary>The enum value whose slug is <paramref name="slug"/>, or null when there is none.</summary>
    public static TEnum? FromSlug<TEnum>(string slug) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Cast<TEnum?>().FirstOrDefault(v => v!.Value.ToSlug() == slug);
}
