using System.Collections.Concurrent;
using System.Reflection;

namespace Invordering.Letters;

/// <summary>What a template can see of a model type: its camelCase members, and whether it is a value, a group or a list.</summary>
internal sealed class ModelShape
{
    private static readonly ConcurrentDictionary<Type, ModelShape> Cache = new();

    private ModelShape(Type type)
    {
        Type = Nullable.GetUnderlyingType(type) ?? type;
        ElementType = IsValueType(Type) ? null : EnumerableElementType(Type);
        Members = IsValueType(Type) || ElementType is not null
            ? new Dictionary<string, PropertyInfo>()
            : Type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(property => property.CanRead && property.GetIndexParameters().Length == 0)
                .ToDictionary(property => CamelCase(property.Name), StringComparer.Ordinal);
    }

    /// <summary>The type, with Nullable unwrapped.</summary>
    public Type Type { get; }

    /// <summary>The element type when this is a list, else null.</summary>
    public Type? ElementType { get; }

    /// <summary>The members by camelCase name; empty for values and lists.</summary>
    public IReadOnlyDictionary<string, PropertyInfo> Members { get; }

    /// <summary>A single value that prints as text (string, number, date, ...).</summary>
    public bool IsValue => IsValueType(Type);

    /// <summary>A list that #each can walk.</summary>
    public bool IsList => ElementType is not null;

    public static ModelShape Of(Type type) => Cache.GetOrAdd(type, static t => new ModelShape(t));

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    private static bool IsValueType(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(DateOnly)
        || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(TimeOnly) || type == typeof(Guid);

    private static Type? EnumerableElementType(Type type)
    {
        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var enumerable = type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>)
            ? type
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>));
        return enumerable?.GetGenericArguments()[0];
    }
}
