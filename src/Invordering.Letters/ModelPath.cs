using System.Collections;
using System.Reflection;

namespace Invordering.Letters;

/// <summary>A camelCase path into a model ("paymentPlan.missedInstalment") that can tell whether a model fills it.</summary>
internal sealed class ModelPath
{
    private readonly IReadOnlyList<PropertyInfo> properties;

    private ModelPath(string path, IReadOnlyList<PropertyInfo> properties)
    {
        Path = path;
        this.properties = properties;
    }

    public string Path { get; }

    /// <summary>Resolves the path on a model type, or returns null when a segment does not exist.</summary>
    public static ModelPath? Resolve(Type modelType, string path)
    {
        var properties = new List<PropertyInfo>();
        var type = modelType;
        foreach (var segment in path.Split('.'))
        {
            if (!ModelShape.Of(type).Members.TryGetValue(segment, out var property))
            {
                return null;
            }

            properties.Add(property);
            type = property.PropertyType;
        }

        return new ModelPath(path, properties);
    }

    /// <summary>True when every step is set and the end is not an empty text or an empty list.</summary>
    public bool IsFilledIn(object model)
    {
        object? value = model;
        foreach (var property in properties)
        {
            value = property.GetValue(value);
            if (value is null)
            {
                return false;
            }
        }

        return value switch
        {
            string text => !string.IsNullOrWhiteSpace(text),
            ICollection collection => collection.Count > 0,
            IEnumerable sequence => sequence.GetEnumerator().MoveNext(),
            _ => true,
        };
    }
}
