namespace Invordering.Cli;

/// <summary>Reports on the caller's thread, so a progress bar moves while the work runs.</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    public void Report(T value) => report(value);
}
