using Invordering.Infrastructure;
using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Web.FieldWork;

/// <summary>
/// A field worker's round: their open tasks due up to the end of this week (and overdue ones), grouped by
/// postcode area, then the later ones; and the team's unassigned tasks, shown without personal data until one is taken on.
/// </summary>
public sealed record FieldTaskList(IReadOnlyList<PostcodeArea> Areas, IReadOnlyList<MyTask> Later, IReadOnlyList<UnassignedTask> Unassigned, DateOnly Today,
    DateOnly EndOfWeek)
{
    public const string Team = "buitendienst";

    public static async Task<FieldTaskList> LoadAsync(InvorderingDbContext db, string worker, DateOnly today, CancellationToken ct)
    {
        var endOfWeek = today.AddDays(((int)DayOfWeek.Sunday - (int)today.DayOfWeek + 7) % 7);
        var mine = await db.FieldTasks.AsNoTracking().Where(t => t.Status == "open" && t.AssignedTo == worker)
            .Join(db.CollectionCases, t => t.CaseId, c => c.Id, (t, c) => new { Task = t, c.DebtorId })
            .Join(db.Debtors, x => x.DebtorId, d => d.Id, (x, d) => new MyTask(x.Task.Id, x.Task.CaseId, x.Task.Kind, x.Task.DueDate, d.Name, d.Street + " " + d.HouseNumber, d.Postcode, d.City))
            .ToListAsync(ct);
        var areas = mine.Where(t => t.DueDate <= endOfWeek).GroupBy(t => t.Postcode.Length >= 4 ? t.Postcode[..4] : t.Postcode).OrderBy(g => g.Key)
            .Select(g => new PostcodeArea(g.Key, g.OrderBy(t => t.DueDate).ThenBy(t => t.Postcode).ThenBy(t => t.Address).ToList())).ToList();
        var unassigned = await db.FieldTasks.AsNoTracking().Where(t => t.Status == "open" && t.AssignedTo == null && t.Team == Team)
            .Join(db.CollectionCases, t => t.CaseId, c => c.Id, (t, c) => new { Task = t, c.DebtorId })
            .Join(db.Debtors, x => x.DebtorId, d => d.Id, (x, d) => new { x.Task.Id, x.Task.Kind, x.Task.DueDate, d.Postcode })
            .OrderBy(t => t.DueDate).Take(100).ToListAsync(ct);
        return new FieldTaskList(areas, mine.Where(t => t.DueDate > endOfWeek).OrderBy(t => t.DueDate).ToList(),
            unassigned.Select(u => new UnassignedTask(u.Id, u.Kind, u.DueDate, u.Postcode.Length >= 4 ? u.Postcode[..4] : u.Postcode)).ToList(), today, endOfWeek);
    }

    /// <summary>The worker's list, its reading audited with the tasks shown (page and API).</summary>
    public static async Task<FieldTaskList> LoadAuditedAsync(InvorderingDbContext db, HttpContext http, string worker, DateOnly today, CancellationToken ct)
    {
        var list = await LoadAsync(db, worker, today, ct);
        await PersonalDataAudit.ReadAsync(db, http, "field_tasks", null, new { tasks = list.Areas.SelectMany(a => a.Tasks).Select(t => t.Id).ToArray() });
        return list;
    }

    /// <summary>Takes on an unassigned task of the team: from now on it is the worker's, and so is its case.</summary>
    public static async Task TakeOnAsync(InvorderingDbContext db, long taskId, string worker, CancellationToken ct)
    {
        var taken = await db.FieldTasks.Where(t => t.Id == taskId && t.Status == "open" && t.AssignedTo == null && t.Team == Team)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.AssignedTo, worker), ct);
        if (taken == 0) throw new CaseActionException("Deze taak is al door iemand anders opgepakt of afgehandeld.");
        Audit.Record(db, worker, "task-taken-on", "field_task", taskId);
        await db.SaveChangesAsync(ct);
    }
}

public sealed record PostcodeArea(string Area, IReadOnlyList<MyTask> Tasks);

public sealed record MyTask(long Id, long CaseId, string Kind, DateOnly DueDate, string Name, string Address, string Postcode, string City);

public sealed record UnassignedTask(long Id, string Kind, DateOnly DueDate, string Area);
