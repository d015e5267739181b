using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Invordering.Web;
using Invordering.Web.WorkQueues;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Werkvoorraad;

/// <summary>The staff work queues; reading them is audited (payer names are personal data).</summary>
public sealed class WerkvoorraadModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : StaffPageModel(db, dataSource, time)
{
    public WorkQueue Queue { get; private set; } = null!;

    public async Task OnGetAsync() => await ShowAsync();

    public Task<IActionResult> OnPostOverslaanAsync(string? soort, string? id, string? reden) =>
        ActAsync(async () =>
        {
            await WorkQueue.SkipIncidentAsync(Db, soort ?? "", id ?? "", reden ?? "", Actor, HttpContext.RequestAborted);
            return "De storing is overgeslagen.";
        });

    public Task<IActionResult> OnPostOpnieuwAsync(string? soort, string? id) =>
        ActAsync(async () =>
        {
            await WorkQueue.RetryIncidentAsync(Db, soort, id, await TodayAsync(), Actor, HttpContext.RequestAborted);
            return soort == "workflow"
                ? "De workflow wordt vandaag opnieuw opgepakt. Mislukt het weer, dan verschijnt er een nieuwe storing."
                : "Het bericht wordt opnieuw verwerkt. Mislukt het weer, dan verschijnt er een nieuwe storing.";
        });

    public Task<IActionResult> OnPostKoppelAsync(long betaling, string? aanslag) =>
        ActAsync(async () =>
        {
            await WorkQueue.LinkPaymentAsync(Db, betaling, aanslag, Actor, HttpContext.RequestAborted);
            return "De betaling is aan de aanslag gekoppeld en verwerkt.";
        });

    private async Task<IActionResult> ActAsync(Func<Task<string>> action)
    {
        try
        {
            Done = await action();
            return RedirectToPage();
        }
        catch (CaseActionException ex)
        {
            Db.ChangeTracker.Clear();
            Problem = ex.Message;
            await ShowAsync();
            return Page();
        }
    }

    private async Task ShowAsync()
    {
        Queue = await WorkQueue.LoadAuditedAsync(Db, HttpContext, HttpContext.RequestAborted);
    }
}
