using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Web;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Invordering.Pages.Auditlog;

/// <summary>The audit log for auditors: newest first, filtered by person, kind of data or record. Reading it is audited as well.</summary>
public sealed class AuditLogModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : StaffPageModel(db, dataSource, time)
{
    public const int PageSize = 200;

    [BindProperty(SupportsGet = true)] public string? Wie { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gegevens { get; set; }
    [BindProperty(SupportsGet = true)] public string? Nummer { get; set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync()
    {
        var query = Db.AuditLog.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Wie)) query = query.Where(a => a.Actor == Wie.Trim());
        if (!string.IsNullOrWhiteSpace(Gegevens)) query = query.Where(a => a.Entity == Gegevens.Trim());
        if (!string.IsNullOrWhiteSpace(Nummer)) query = query.Where(a => a.EntityId == Nummer.Trim());
        Entries = await query.OrderByDescending(a => a.Id).Take(PageSize).ToListAsync(HttpContext.RequestAborted);
        await AuditReadAsync("audit_log", null, new { wie = Wie, gegevens = Gegevens, nummer = Nummer });
    }
}
