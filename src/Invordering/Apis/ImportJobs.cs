using System.Collections.Concurrent;
using Invordering.Infrastructure.Import;

namespace Invordering.Apis;

/// <summary>
/// Uploads that ask for an answer at once (<c>Prefer: respond-async</c>) are imported in the
/// background; their progress, and in the end their summary or the reason the file was refused,
/// stay here for an hour to be asked for. A stop of the service ends a running import the way a
/// crash would: what was not committed rolls back, and the file must be sent again.
/// </summary>
public sealed class ImportJobs(AuditedImport import, IHostApplicationLifetime lifetime, TimeProvider time, ILogger<ImportJobs> log)
{
    private static readonly TimeSpan KeptAfterEnd = TimeSpan.FromHours(1);

    private readonly ConcurrentDictionary<Guid, ImportJob> _jobs = new();

    /// <summary>Starts the import of the saved file; the job owns <paramref name="folder"/> and deletes it when done.</summary>
    public ImportJob Start(ImportKind kind, string path, DirectoryInfo folder, string actor, string source)
    {
        ForgetOldJobs();
        var job = new ImportJob(Guid.NewGuid(), kind, Path.GetFileName(path), actor, time.GetUtcNow());
        _jobs[job.Id] = job;
        _ = Task.Run(() => RunAsync(job, path, folder, source));
        return job;
    }

    public ImportJob? Find(Guid id)
    {
        ForgetOldJobs();
        return _jobs.GetValueOrDefault(id);
    }

    private async Task RunAsync(ImportJob job, string path, DirectoryInfo folder, string source)
    {
        try
        {
            var outcome = await import.RunAsync(job.Kind, path, job.Actor, source, job, lifetime.ApplicationStopping);
            job.Finish(outcome, time.GetUtcNow());
        }
        catch (Exception e)
        {
            log.LogError(e, "Import {JobId} of kind {Kind} failed", job.Id, job.Kind.Slug());
            job.Fail(time.GetUtcNow());
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private void ForgetOldJobs()
    {
        var now = time.GetUtcNow();
        foreach (var (id, job) in _jobs)
            if (job.FinishedAt is { } finished && now - finished > KeptAfterEnd) _jobs.TryRemove(id, out _);
    }
}

/// <summary>One background import: how far it is, then how it ended.</summary>
public sealed class ImportJob(Guid id, ImportKind kind, string file, string actor, DateTimeOffset startedAt) : IProgress<ImportProgress>
{
    private volatile ImportJobView _view = new(id, kind.Slug(), file, "bezig", "wachten", null, startedAt, null, null, null, null);

    public Guid Id => id;

    public ImportKind Kind => kind;

    public string Actor => actor;

    public DateTimeOffset? FinishedAt => _view.FinishedAt;

    public ImportJobView View => _view;

    public void Report(ImportProgress value) => _view = _view with
    {
        Phase = value.Phase,
        Percentage = value.BytesTotal > 0 ? (int)(100 * value.BytesRead / value.BytesTotal) : null,
    };

    internal void Finish(ImportOutcome outcome, DateTimeOffset at) => _view = outcome.Summary is { } summary
        ? _view with { Status = "klaar", Phase = "klaar", Percentage = 100, FinishedAt = at, Summary = summary }
        : _view with { Status = "afgewezen", Phase = "klaar", Percentage = null, FinishedAt = at, Message = outcome.Rejected!.Message, Code = outcome.Rejected.Code };

    internal void Fail(DateTimeOffset at) => _view = _view with
    {
        Status = "mislukt", FinishedAt = at,
        Message = "Het inlezen is onderbroken door een fout; er is niets half ingelezen. Stuur het bestand opnieuw.",
    };
}

/// <summary>
/// A background import as the API shows it: status bezig, klaar, afgewezen or mislukt; the phase
/// (inlezen, samenvoegen) and how far reading is; when done the summary, else the reason.
/// </summary>
public sealed record ImportJobView(Guid Id, string Kind, string File, string Status, string Phase, int? Percentage,
    DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, ImportSummary? Summary, string? Message, string? Code);
