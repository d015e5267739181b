using Invordering.Infrastructure.Persistence;
using Invordering.Letters;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Letters;

/// <summary>
/// The published letter templates from the database, compiled once and kept until a publication changes
/// them. Publishing in this process is seen at once (<see cref="Invalidate"/>); another process sees it
/// within <see cref="RecheckAfter"/>, when it next checks which versions are published.
/// </summary>
public sealed class LetterTemplates
{
    /// <summary>How long a compiled set is used before the database is asked again which versions are published.</summary>
    public static readonly TimeSpan RecheckAfter = TimeSpan.FromSeconds(5);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private PublishedLetters? _current;
    private long _validUntilMs;

    /// <summary>The published templates, compiled.</summary>
    /// <exception cref="LetterTemplateException">No templates are published (the database was not seeded).</exception>
    public async Task<PublishedLetters> PublishedAsync(InvorderingDbContext db, CancellationToken ct)
    {
        var current = Volatile.Read(ref _current);
        if (current is not null && Environment.TickCount64 < Interlocked.Read(ref _validUntilMs)) return current;

        await _gate.WaitAsync(ct);
        try
        {
            var ids = await db.LetterTemplates.AsNoTracking().Where(t => t.Status == "published").OrderBy(t => t.Id).Select(t => t.Id)
                .ToListAsync(ct);
            var stamp = PublishedLetters.StampOf(ids);
            if (_current?.Stamp != stamp)
            {
                var rows = await db.LetterTemplates.AsNoTracking().Where(t => t.Status == "published").ToListAsync(ct);
                Volatile.Write(ref _current, PublishedLetters.Compile(rows));
            }
            Interlocked.Exchange(ref _validUntilMs, Environment.TickCount64 + (long)RecheckAfter.TotalMilliseconds);
            return _current!;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Makes the next call look in the database again: call it after publishing.</summary>
    public void Invalidate() => Interlocked.Exchange(ref _validUntilMs, 0);
}
