using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Workflows;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Workflows;

/// <summary>A refused change to a workflow version, with the Dutch reason an administrator sees.</summary>
public sealed class WorkflowVersionException(string message) : Exception(message);

/// <summary>A stored version with its definition as loaded, and what the validator finds in it (empty when publishable).</summary>
public sealed record StoredWorkflowVersion(WorkflowDefinitionRecord Record, WorkflowDefinition Definition, IReadOnlyList<ValidationError> Problems)
{
    public DefinitionStatus Status => EnumSlugExtensions.FromSlug<DefinitionStatus>(Record.Status)!.Value;
}

/// <summary>
/// The administrators' work on workflow definitions: their versions, checking, saving the draft (one per workflow),
/// publishing (the version published before is retired: new cases start on the new one, cases already running stay
/// pinned to theirs), retiring, export to and import from the workflows/ file format. Every change is audited.
/// </summary>
public sealed class WorkflowVersions(InvorderingDbContext db)
{
    public const string Entity = "workflow_definition";

    private readonly WorkflowDefinitionLoader _loader = new();

    /// <summary>Every stored version, per workflow, newest first.</summary>
    public async Task<IReadOnlyList<IGrouping<string, WorkflowDefinitionRecord>>> ListAsync(CancellationToken ct) =>
        (await db.WorkflowDefinitions.AsNoTracking().OrderBy(d => d.WorkflowId).ThenByDescending(d => d.Version).ToListAsync(ct))
            .GroupBy(d => d.WorkflowId).ToList();

    /// <summary>Version <paramref name="version"/> of <paramref name="workflowId"/>, or null.</summary>
    public async Task<StoredWorkflowVersion?> FindAsync(string workflowId, int version, CancellationToken ct)
    {
        var record = await db.WorkflowDefinitions.AsNoTracking().SingleOrDefaultAsync(d => d.WorkflowId == workflowId && d.Version == version, ct);
        if (record is null) return null;
        var definition = _loader.Load(record.Definition, record.Version);
        return new StoredWorkflowVersion(record, definition, await ValidateAsync(definition, ct));
    }

    /// <summary>
    /// Every problem with <paramref name="json"/> as version <paramref name="version"/>: its shape as the file format
    /// demands it (the loader), then its meaning and the legal guardrails (the validator). Empty when publishable.
    /// </summary>
    public async Task<IReadOnlyList<ValidationError>> CheckAsync(string json, int version, CancellationToken ct)
    {
        try
        {
            return await ValidateAsync(_loader.Load(json, version), ct);
        }
        catch (WorkflowDefinitionException ex)
        {
            return ex.Errors;
        }
    }

    /// <summary>
    /// Saves <paramref name="json"/> as the draft of <paramref name="workflowId"/>, edited from version <paramref name="baseVersion"/>:
    /// into the draft when that is what was edited, else as a new draft version. The file must load; a draft may still
    /// have validator findings (publishing refuses them). Throws <see cref="WorkflowDefinitionException"/> when it does not load.
    /// </summary>
    public async Task<WorkflowDefinitionRecord> SaveDraftAsync(string workflowId, int baseVersion, string json, string actor, CancellationToken ct)
    {
        var versions = await db.WorkflowDefinitions.Where(d => d.WorkflowId == workflowId).ToListAsync(ct);
        if (versions.All(v => v.Version != baseVersion)) throw NotFound(workflowId, baseVersion);
        var draft = versions.FirstOrDefault(v => v.Status == "draft");
        if (draft is not null && draft.Version != baseVersion)
        {
            throw new WorkflowVersionException(
                $"Workflow '{workflowId}' heeft al een concept (versie {draft.Version}). Bewerk dat concept; dan gaat er geen werk verloren.");
        }

        var version = draft?.Version ?? versions.Max(v => v.Version) + 1;
        var definition = LoadOwn(json, workflowId, version);
        var stored = draft ?? NewDraft(workflowId, version);
        Fill(stored, json, definition, actor);
        Audit.Record(db, actor, draft is null ? "workflow-draft-created" : "workflow-draft-saved", Entity, Key(workflowId, version),
            details: new { from = baseVersion });
        await db.SaveChangesAsync(ct);
        return stored;
    }

    /// <summary>
    /// Imports a file in the workflows/ format as a new draft of the workflow it names (a new workflow when the id is new).
    /// Nothing is stored when the file does not load or the workflow already has a draft.
    /// </summary>
    public async Task<WorkflowDefinitionRecord> ImportAsync(string json, string fileName, string actor, CancellationToken ct)
    {
        var definition = _loader.Load(json, 0);
        var versions = await db.WorkflowDefinitions.Where(d => d.WorkflowId == definition.Id).ToListAsync(ct);
        if (versions.FirstOrDefault(v => v.Status == "draft") is { } draft)
        {
            throw new WorkflowVersionException(
                $"Workflow '{definition.Id}' heeft al een concept (versie {draft.Version}). Publiceer of bewerk dat eerst; er is niets ingelezen.");
        }

        var version = versions.Select(v => v.Version).DefaultIfEmpty(0).Max() + 1;
        var stored = NewDraft(definition.Id, version);
        Fill(stored, json, definition with { Version = version }, actor);
        Audit.Record(db, actor, "workflow-imported", Entity, Key(definition.Id, version), details: new { file = fileName });
        await db.SaveChangesAsync(ct);
        return stored;
    }

    /// <summary>
    /// Publishes the draft: it must pass the validator. The version published before is retired in the same
    /// transaction, so new cases of the segment start on this one while running cases stay on theirs.
    /// </summary>
    public async Task<WorkflowDefinitionRecord> PublishAsync(string workflowId, int version, string actor, CancellationToken ct)
    {
        var stored = await FindAsync(workflowId, version, ct) ?? throw NotFound(workflowId, version);
        if (stored.Status != DefinitionStatus.Draft)
        {
            throw new WorkflowVersionException($"Versie {version} van '{workflowId}' is geen concept; alleen een concept kun je publiceren.");
        }

        if (stored.Problems.Count > 0) throw new WorkflowDefinitionException(stored.Problems);
        var now = DateTimeOffset.UtcNow;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var retired = await db.WorkflowDefinitions.Where(d => d.WorkflowId == workflowId && d.Status == "published")
            .Select(d => d.Version).ToListAsync(ct);
        await db.WorkflowDefinitions.Where(d => d.WorkflowId == workflowId && d.Status == "published")
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.Status, "retired").SetProperty(d => d.RetiredAt, now).SetProperty(d => d.RetiredBy, actor), ct);
        var record = await db.WorkflowDefinitions.SingleAsync(d => d.Id == stored.Record.Id, ct);
        record.Status = "published";
        record.PublishedAt = now;
        record.PublishedBy = actor;
        Audit.Record(db, actor, "workflow-published", Entity, Key(workflowId, version), details: new { retired });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return record;
    }

    /// <summary>
    /// Retires the published version: no new case starts on it, running cases stay on it. Refused when its segment
    /// would be left without a published workflow for new cases.
    /// </summary>
    public async Task<WorkflowDefinitionRecord> RetireAsync(string workflowId, int version, string actor, CancellationToken ct)
    {
        var record = await db.WorkflowDefinitions.SingleOrDefaultAsync(d => d.WorkflowId == workflowId && d.Version == version, ct)
            ?? throw NotFound(workflowId, version);
        if (record.Status != "published")
        {
            throw new WorkflowVersionException($"Versie {version} van '{workflowId}' is niet gepubliceerd; alleen een gepubliceerde versie kun je intrekken.");
        }

        if (!await db.WorkflowDefinitions.AnyAsync(d => d.Segment == record.Segment && d.Status == "published" && d.Id != record.Id, ct))
        {
            throw new WorkflowVersionException(
                $"Dit is de enige gepubliceerde workflow voor klantgroep '{record.Segment}': nieuwe zaken zouden geen workflow krijgen. Publiceer eerst een nieuwe versie; de huidige wordt dan vanzelf ingetrokken.");
        }

        record.Status = "retired";
        record.RetiredAt = DateTimeOffset.UtcNow;
        record.RetiredBy = actor;
        Audit.Record(db, actor, "workflow-retired", Entity, Key(workflowId, version));
        await db.SaveChangesAsync(ct);
        return record;
    }

    /// <summary>The version as a file in the workflows/ format, with the name to save it under; the export is audited.</summary>
    public async Task<(string FileName, string Json)> ExportAsync(string workflowId, int version, string actor, CancellationToken ct)
    {
        var stored = await FindAsync(workflowId, version, ct) ?? throw NotFound(workflowId, version);
        Audit.Record(db, actor, "workflow-exported", Entity, Key(workflowId, version));
        await db.SaveChangesAsync(ct);
        return ($"{workflowId}-versie-{version}.json", WorkflowDocument.Format(stored.Record.Definition, stored.Definition));
    }

    /// <summary>The letter template codes a letter step may use: the shipped ones and every letter stored since.</summary>
    public async Task<IReadOnlyList<string>> TemplateCodesAsync(CancellationToken ct) =>
        (await db.LetterTemplates.AsNoTracking().Where(t => t.Kind == "letter").Select(t => t.Code).Distinct().ToListAsync(ct))
            .Union(LetterTemplateCodes.Shipped).Order().ToList();

    public static string Key(string workflowId, int version) => $"{workflowId}/{version}";

    private async Task<IReadOnlyList<ValidationError>> ValidateAsync(WorkflowDefinition definition, CancellationToken ct) =>
        new WorkflowValidator(await TemplateCodesAsync(ct)).Validate(definition);

    private WorkflowDefinition LoadOwn(string json, string workflowId, int version)
    {
        var definition = _loader.Load(json, version);
        if (definition.Id != workflowId)
        {
            throw new WorkflowDefinitionException(
            [
                new ValidationError(null, "andere-workflow",
                    $"Het veld 'id' is '{definition.Id}', maar dit is workflow '{workflowId}'. Een nieuwe workflow lees je in als bestand."),
            ]);
        }

        return definition;
    }

    private WorkflowDefinitionRecord NewDraft(string workflowId, int version)
    {
        var record = new WorkflowDefinitionRecord
        {
            WorkflowId = workflowId, Version = version, Status = "draft", Title = "", Segment = "", Definition = "{}", CreatedBy = "",
        };
        db.WorkflowDefinitions.Add(record);
        return record;
    }

    private static void Fill(WorkflowDefinitionRecord record, string json, WorkflowDefinition definition, string actor)
    {
        record.Title = definition.Title;
        record.Segment = definition.Segment;
        record.Definition = WorkflowDocument.Format(json, definition);
        record.CreatedBy = actor;
        record.CreatedAt = DateTimeOffset.UtcNow;
    }

    private static WorkflowVersionException NotFound(string workflowId, int version) =>
        new($"Versie {version} van workflow '{workflowId}' bestaat niet.");
}
