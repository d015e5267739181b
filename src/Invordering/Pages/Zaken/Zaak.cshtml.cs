using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Segmentation;
using Invordering.Web;
using Invordering.Web.Cases;
using Invordering.Web.Identity;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Zaken;

/// <summary>
/// The case page: debtor, assessment, payments, letters, costs, segment with reasons and the timeline; for staff
/// the actions (payment plan, remission, pause and resume, objection with deferral, write-off, note). Field workers may read the cases of their own
/// tasks, nothing else. Every view is audited.
/// </summary>
public sealed class ZaakModel(InvorderingDbContext db, StaffDbContext staff, NpgsqlDataSource dataSource, TimeProvider time,
    CaseActions actions, CaseInterventions interventions, Segmenter segmenter) : StaffPageModel(db, dataSource, time)
{
    [BindProperty(SupportsGet = true)] public long Id { get; set; }
    public CaseFile Case { get; private set; } = null!;
    public DebtorSegmentView? Segment { get; private set; }
    public DateOnly Today { get; private set; }
    public bool MayAct => User.IsInRole(StaffRoles.Collections);

    public async Task<IActionResult> OnGetAsync() => await ShowAsync();

    public Task<IActionResult> OnPostRegelingAsync(int termijnen, DateOnly? eersteTermijn) =>
        ActAsync(async today =>
        {
            await actions.AgreePaymentPlanAsync(Id, termijnen, eersteTermijn, today, Actor, HttpContext.RequestAborted);
            return $"Betalingsregeling van {termijnen} termijnen vastgelegd.";
        });

    public Task<IActionResult> OnPostKwijtscheldingAsync() =>
        ActAsync(async today =>
        {
            await actions.RequestRemissionAsync(Id, today, Actor, HttpContext.RequestAborted);
            return "Verzoek om kwijtschelding vastgelegd. De invordering staat stil tot het besluit.";
        });

    public Task<IActionResult> OnPostBesluitAsync(string? besluit, string? reden) =>
        ActAsync(async today =>
        {
            await actions.DecideRemissionAsync(Id, besluit, reden, today, Actor, HttpContext.RequestAborted);
            return besluit == "toegekend" ? "Kwijtschelding toegekend." : "Kwijtschelding afgewezen.";
        });

    public Task<IActionResult> OnPostPauzeAsync(string? reden) =>
        ActAsync(async today =>
        {
            await interventions.PauseAsync(Id, reden ?? "", today, Actor, HttpContext.RequestAborted);
            return "De zaak is gepauzeerd.";
        });

    public Task<IActionResult> OnPostHervatAsync(string? reden) =>
        ActAsync(async today =>
        {
            await interventions.ResumeAsync(Id, reden ?? "", today, Actor, HttpContext.RequestAborted);
            return "De zaak is hervat.";
        });

    public Task<IActionResult> OnPostBezwaarAsync(string? reden) =>
        ActAsync(async today =>
        {
            await interventions.GrantDeferralAsync(Id, reden ?? "", today, Actor, HttpContext.RequestAborted);
            return "Bezwaar met uitstel vastgelegd. De invordering staat stil tot het uitstel eindigt.";
        });

    public Task<IActionResult> OnPostUitstelEindeAsync(string? reden) =>
        ActAsync(async today =>
        {
            await interventions.EndDeferralAsync(Id, reden ?? "", today, Actor, HttpContext.RequestAborted);
            return "Het uitstel is beëindigd. De invordering loopt weer.";
        });

    public Task<IActionResult> OnPostOninbaarAsync(string? reden) =>
        ActAsync(async today =>
        {
            await interventions.WriteOffAsync(Id, reden ?? "", today, Actor, HttpContext.RequestAborted);
            return "De vordering is oninbaar verklaard en de zaak is afgesloten.";
        });

    public Task<IActionResult> OnPostNotitieAsync(string? tekst) =>
        ActAsync(async _ =>
        {
            await interventions.WriteNoteAsync(Id, tekst ?? "", Actor, HttpContext.RequestAborted);
            return "Notitie opgeslagen.";
        });

    /// <summary>Does a staff action; on success back to the page (post-redirect-get), otherwise the page with the reason.</summary>
    private async Task<IActionResult> ActAsync(Func<DateOnly, Task<string>> action)
    {
        if (!MayAct) return Forbid();
        try
        {
            Done = await action(await TodayAsync());
            return RedirectToPage(new { Id });
        }
        catch (CaseActionException ex)
        {
            Db.ChangeTracker.Clear();
            Problem = ex.Message;
            return await ShowAsync();
        }
    }

    private async Task<IActionResult> ShowAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (!await CaseAccess.MayReadCaseAsync(User, Id, Db, ct))
        {
            await PersonalDataAudit.DeniedAsync(Db, HttpContext, "collection_case", Id);
            return Forbid();
        }
        var file = await CaseFile.LoadAsync(Db, staff, Id, ct);
        if (file is null) return NotFound();
        Case = file;
        Today = await TodayAsync();
        Segment = await segmenter.DescribeAsync(Db, file.Debtor.Id, Actor, Request.Path, ct);
        await AuditReadAsync("collection_case", Id);
        return Page();
    }

    private readonly NpgsqlDataSource dataSource = dataSource;
    private readonly TimeProvider time = time;
}
