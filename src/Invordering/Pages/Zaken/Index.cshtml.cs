using Invordering.Infrastructure.Persistence;
using Invordering.Web;
using Invordering.Web.Cases;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Zaken;

/// <summary>
/// Case search for staff. The term is posted, not put in the address, so a BSN never lands in an access log; the
/// results show the BSN masked, and the search is audited with the kind of term but not the term itself.
/// </summary>
public sealed class ZakenZoekenModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : StaffPageModel(db, dataSource, time)
{
    [BindProperty] public string? Term { get; set; }
    public IReadOnlyList<CaseSearchHit>? Hits { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync()
    {
        if (string.IsNullOrWhiteSpace(Term)) return Page();
        Hits = await CaseSearch.FindAuditedAsync(Db, HttpContext, Term, HttpContext.RequestAborted);
        return Page();
    }
}
