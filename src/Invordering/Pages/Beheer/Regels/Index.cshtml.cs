using Invordering.Domain;
using Invordering.Domain.Segmentation;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Segmentation;
using Invordering.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invordering.Pages.Beheer.Regels;

/// <summary>
/// The segmentation rule set: its versions, the rules of one version, and an editor for a new version in JSON whose effect
/// on the current segment sizes (draft beside published, over the current facts, nothing written) is shown before it is
/// saved and again before it is published. Saving and publishing are audited by <see cref="RuleSetStore"/>.
/// </summary>
public sealed class RegelsModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : StaffPageModel(db, dataSource, time)
{
    public IReadOnlyList<SegmentationRuleSetRecord> Versions { get; private set; } = [];

    /// <summary>The version shown: the one asked for, else the newest draft, else the published one.</summary>
    public SegmentationRuleSetRecord? Shown { get; private set; }

    public RuleSet? ShownRules { get; private set; }

    /// <summary>The JSON in the editor.</summary>
    public string Json { get; private set; } = "";

    public RuleSetEffect? Effect { get; private set; }

    public IReadOnlyList<string> Errors { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? versie)
    {
        await LoadAsync(versie);
        if (versie is not null && Shown?.Version != versie) return NotFound();
        Json = Shown?.Definition ?? "";
        if (Shown?.Status == "draft") await EffectAsync(Json);
        return Page();
    }

    /// <summary>The effect of the JSON as typed; only the effect when htmx asks, else the whole page.</summary>
    public async Task<IActionResult> OnPostEffectAsync(string? json)
    {
        await LoadAsync(null);
        Json = json ?? "";
        await EffectAsync(Json);
        return Request.Headers.ContainsKey("HX-Request") ? Partial("_RegelsEffect", this) : Page();
    }

    public async Task<IActionResult> OnPostOpslaanAsync(string? json)
    {
        Json = json ?? "";
        if (Check(Json) is not null)
        {
            var version = await RuleSetStore.AddDraftAsync(Db, Json, Actor, HttpContext.RequestAborted);
            Done = $"Concept versie {version} is opgeslagen. Bekijk het effect hieronder en publiceer het als het klopt.";
            return RedirectToPage(new { versie = version });
        }
        Problem = "De regelset is niet opgeslagen. Zie de fouten bij het effect.";
        await LoadAsync(null);
        return Page();
    }

    public async Task<IActionResult> OnPostPublicerenAsync(int versie)
    {
        try
        {
            await RuleSetStore.PublishAsync(Db, versie, Actor, HttpContext.RequestAborted);
            Done = $"Versie {versie} is gepubliceerd. De volgende segmentatie gebruikt deze regels; bestaande klantgroepen houden de versie die ze maakte.";
            return RedirectToPage(new { versie });
        }
        catch (SegmentationException ex)
        {
            Db.ChangeTracker.Clear();
            Problem = ex.Message;
            await LoadAsync(null);
            Json = Shown?.Definition ?? "";
            return Page();
        }
    }

    private async Task LoadAsync(int? version)
    {
        Versions = await Db.SegmentationRuleSets.AsNoTracking().OrderByDescending(r => r.Version).ToListAsync(HttpContext.RequestAborted);
        Shown = version is { } v
            ? Versions.FirstOrDefault(r => r.Version == v)
            : Versions.FirstOrDefault(r => r.Status == "draft") ?? Versions.FirstOrDefault(r => r.Status == "published");
        ShownRules = Shown is null ? null : Read(Shown.Definition);
    }

    private async Task EffectAsync(string json)
    {
        if (Check(json) is not { } draft) return;
        try
        {
            Effect = await RuleSetEffects.CompareAsync(Db, draft, HttpContext.RequestAborted);
        }
        catch (SegmentationException ex)
        {
            Errors = [ex.Message];
        }
    }

    /// <summary>The rule set in <paramref name="json"/> when it is valid; otherwise null, with the Dutch reasons in <see cref="Errors"/>.</summary>
    private RuleSet? Check(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            Errors = ["De regelset is leeg. Schrijf een JSON-object met 'title' en 'rules'."];
            return null;
        }
        try
        {
            return RuleSet.Load(json);
        }
        catch (RuleSetFormatException ex)
        {
            Errors = ex.Errors.Count > 0 ? ex.Errors.Select(e => e.ToString()).ToList() : [ex.Message];
            return null;
        }
    }

    private static RuleSet? Read(string json)
    {
        try
        {
            return RuleSetParser.Parse(json);
        }
        catch (RuleSetFormatException)
        {
            return null;
        }
    }

    /// <summary>The Dutch name of a version's status.</summary>
    public static string StatusName(string status) => status switch
    {
        "published" => "gepubliceerd",
        "draft" => "concept",
        "retired" => "vervangen",
        _ => status,
    };

    /// <summary>The Dutch name of a segment slug.</summary>
    public static string SegmentName(string slug) => Segment.TryParseSlug(slug, out var segment) ? segment.DisplayName : slug;
}
