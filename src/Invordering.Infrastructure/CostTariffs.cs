using Invordering.Domain;
using Invordering.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure;

/// <summary>The dated cost tariffs as administrators keep them in the database.</summary>
public static class CostTariffs
{
    public static async Task<TariffTable> LoadAsync(InvorderingDbContext db, CancellationToken ct) =>
        new((await db.CostTariffs.AsNoTracking().ToListAsync(ct)).Select(t => t.ToTariff()));
}
