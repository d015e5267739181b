namespace Invordering.Infrastructure;

/// <summary>The configuration cannot work; the message says which setting and what is allowed.</summary>
public sealed class ConfigurationException(string message) : Exception(message);
