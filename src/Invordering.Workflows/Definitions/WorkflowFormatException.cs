using System.Text.Json;

namespace Invordering.Workflows;

/// <summary>A shape problem found by the runtime's own JSON converters, with a Dutch message the loader passes on.</summary>
public sealed class WorkflowFormatException(string message) : JsonException(message);
