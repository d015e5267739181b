using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Invordering.Workflows;

/// <summary>The strict JSON settings for definition files: camelCase names, no unknown members, enums as Dutch slugs.</summary>
public static class WorkflowJson
{
    /// <summary>The serializer options the loader reads definitions with.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>The JSON property names of <paramref name="type"/>, with whether each is required.</summary>
    public static IReadOnlyList<(string Name, bool Required)> PropertiesOf(Type type) =>
        Options.GetTypeInfo(type).Properties
            .Where(p => p.Set is not null)
            .Select(p => (p.Name, p.IsRequired))
            .ToList();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            RespectNullableAnnotations = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }
}
