namespace Invordering.Infrastructure.Segmentation;

/// <summary>Segmentation cannot do what was asked; the message says why, in Dutch, for the person who asked.</summary>
public sealed class SegmentationException(string message) : Exception(message);
