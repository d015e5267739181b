using System.Text.Json;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Segmentation;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure;

/// <summary>Brings a database up to date: migrations, then the shipped workflows and segmentation rule set as version 1 where missing.</summary>
public static class Setup
{
    /// <summary>Where the shipped workflows/ and templates/ folders are: beside the executable.</summary>
    public static string ContentRoot => AppContext.BaseDirectory;

    public static async Task<IReadOnlyList<string>> MigrateAndSeedAsync(InvorderingDbContext db, CancellationToken ct)
    {
        var applied = await Database.MigrateAsync(db, ct);
        await SeedAsync(db, Path.Combine(ContentRoot, "workflows"), ct);
        await Letters.LetterTemplateStore.SeedAsync(db, Path.Combine(ContentRoot, "templates"), ct);
        return applied;
    }

    /// <summary>Loads the workflows and the segmentation rule set shipped in <paramref name="folder"/> as version 1 where missing.</summary>
    public static async Task SeedAsync(InvorderingDbContext db, string folder, CancellationToken ct)
    {
        await SeedWorkflowsAsync(db, folder, ct);
        await RuleSetStore.SeedAsync(db, Path.Combine(folder, SegmentationRuleSetFile), ct);
    }

    /// <summary>The shipped segmentation rule set in the workflows folder (a file with "rules" instead of "steps").</summary>
    public const string SegmentationRuleSetFile = "segmentatie.json";

    private static async Task SeedWorkflowsAsync(InvorderingDbContext db, string folder, CancellationToken ct)
    {
        if (!Directory.Exists(folder)) return;
        var existing = await db.WorkflowDefinitions.Select(d => d.WorkflowId).Distinct().ToListAsync(ct);
        foreach (var file in Directory.EnumerateFiles(folder, "*.json").Order())
        {
            if (file.EndsWith(".schema.json", StringComparison.Ordinal)) continue;
            var json = await File.ReadAllTextAsync(file, ct);
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (!root.TryGetProperty("steps", out _)) continue;
            var id = root.GetProperty("id").GetString()!;
            if (existing.Contains(id)) continue;
            db.WorkflowDefinitions.Add(new WorkflowDefinitionRecord
            {
                WorkflowId = id,
                Version = 1,
                Status = "published",
                Title = root.GetProperty("title").GetString()!,
                Segment = root.GetProperty("segment").GetString()!,
                Definition = json,
                CreatedBy = "systeem",
                CreatedAt = DateTimeOffset.UtcNow,
                PublishedAt = DateTimeOffset.UtcNow,
            });
        }
        await db.SaveChangesAsync(ct);
    }
}
