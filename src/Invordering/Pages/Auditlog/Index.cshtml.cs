using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Web;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Auditlog;

/// <summary>The audit log for auditors: newest first, filtered by person, kind of data or record. Reading it is audited as well.</summary>
public sealed class AuditLogModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time) : StaffPageModel(db, dataSource, time)
{
    public const int PageSize = AuditLogQuery.PageSize;

    [BindProperty(SupportsGet = true)] public string? Wie { get; set; }
    [BindProperty(SupportsGet = true)] public string? Gegevens { get; set; }
    [BindProperty(SupportsGet = true)] public string? Nummer { get; set; }
    public IReadOnlyList<AuditEntry> Entries { get; private set; } = [];

    public async Task OnGetAsync() => Entries = await new AuditLogQuery(Wie, Gegevens, Nummer).ReadAuditedAsync(Db, HttpContext);
}
