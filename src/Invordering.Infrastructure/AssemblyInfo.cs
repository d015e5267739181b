namespace Invordering.Infrastructure;
internal static class AssemblyMarker { }
