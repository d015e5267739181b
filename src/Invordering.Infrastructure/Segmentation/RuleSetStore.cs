using Invordering.Domain.Segmentation;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Segmentation;

/// <summary>
/// The versions of the segmentation rule set: draft, published (exactly one, the one segmentation uses)
/// and retired. Only a draft that passes validation is published; a published version never changes,
/// so segments keep pointing at the version that made them.
/// </summary>
public static class RuleSetStore
{
    public const string SeedActor = "systeem";

    /// <summary>Loads the shipped rule set file as version 1, published, when no version is stored yet.</summary>
    public static async Task SeedAsync(InvorderingDbContext db, string file, CancellationToken ct)
    {
        if (!File.Exists(file) || await db.SegmentationRuleSets.AnyAsync(ct)) return;
        var json = await File.ReadAllTextAsync(file, ct);
        RuleSet ruleSet;
        try
        {
            ruleSet = RuleSet.Load(json);
        }
        catch (RuleSetFormatException ex)
        {
            throw new SegmentationException($"{Path.GetFileName(file)}: {ex.Message}");
        }
        var now = DateTimeOffset.UtcNow;
        db.SegmentationRuleSets.Add(new SegmentationRuleSetRecord
        {
            Version = 1, Status = "published", Title = ruleSet.Title, Definition = json,
            CreatedBy = SeedActor, CreatedAt = now, PublishedAt = now,
        });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The published rule set segmentation uses now.</summary>
    public static async Task<StoredRuleSet> PublishedAsync(InvorderingDbContext db, CancellationToken ct)
    {
        var version = await db.SegmentationRuleSets.Where(r => r.Status == "published").Select(r => (int?)r.Version).SingleOrDefaultAsync(ct)
            ?? throw new SegmentationException("Er is geen gepubliceerde regelset voor de segmentatie. Draai eerst 'invordering migrate'.");
        return await GetAsync(db, version, ct);
    }

    /// <summary>The rule set of <paramref name="version"/>, as it was published.</summary>
    public static async Task<StoredRuleSet> GetAsync(InvorderingDbContext db, int version, CancellationToken ct)
    {
        var record = await db.SegmentationRuleSets.AsNoTracking().SingleOrDefaultAsync(r => r.Version == version, ct)
            ?? throw new SegmentationException($"Regelset versie {version} bestaat niet.");
        return new StoredRuleSet(version, RuleSet.Load(record.Definition));
    }

    /// <summary>Stores a new draft version (its JSON must be readable); returns its version number.</summary>
    public static async Task<int> AddDraftAsync(InvorderingDbContext db, string json, string actor, CancellationToken ct)
    {
        var ruleSet = RuleSetParser.Parse(json);
        var version = (await db.SegmentationRuleSets.MaxAsync(r => (int?)r.Version, ct) ?? 0) + 1;
        db.SegmentationRuleSets.Add(new SegmentationRuleSetRecord
        {
            Version = version, Status = "draft", Title = ruleSet.Title, Definition = json,
            CreatedBy = actor, CreatedAt = DateTimeOffset.UtcNow,
        });
        Audit.Record(db, actor, "create-draft", "segmentation_rule_set", version);
        await db.SaveChangesAsync(ct);
        return version;
    }

    /// <summary>Publishes a draft that passes validation and retires the version published before it.</summary>
    public static async Task PublishAsync(InvorderingDbContext db, int version, string actor, CancellationToken ct)
    {
        var draft = await db.SegmentationRuleSets.SingleOrDefaultAsync(r => r.Version == version, ct)
            ?? throw new SegmentationException($"Regelset versie {version} bestaat niet.");
        if (draft.Status != "draft") throw new SegmentationException($"Regelset versie {version} is geen concept en kan niet meer gepubliceerd worden.");
        try
        {
            RuleSet.Load(draft.Definition);
        }
        catch (RuleSetFormatException ex)
        {
            throw new SegmentationException($"Regelset versie {version} kan niet gepubliceerd worden. {ex.Message}");
        }

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SegmentationRuleSets.Where(r => r.Status == "published")
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.Status, "retired"), ct);
        draft.Status = "published";
        draft.PublishedAt = DateTimeOffset.UtcNow;
        Audit.Record(db, actor, "publish", "segmentation_rule_set", version);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }
}
