using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Workflows;
using Invordering.Web;
using Invordering.Web.Workflows;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Beheer.Workflows;

/// <summary>Two versions of a workflow side by side, step by step: what was added, removed or changed.</summary>
public sealed class VergelijkModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time, WorkflowVersions versions)
    : StaffPageModel(db, dataSource, time)
{
    [FromRoute] public string Workflow { get; set; } = "";
    [FromQuery] public int Van { get; set; }
    [FromQuery] public int Naar { get; set; }

    public StoredWorkflowVersion Left { get; private set; } = null!;
    public StoredWorkflowVersion Right { get; private set; } = null!;
    public IReadOnlyList<PartDifference> Parts { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync()
    {
        var ct = HttpContext.RequestAborted;
        if (await versions.FindAsync(Workflow, Van, ct) is not { } left || await versions.FindAsync(Workflow, Naar, ct) is not { } right)
        {
            return NotFound();
        }

        (Left, Right) = (left, right);
        Parts = VersionComparison.Compare(left.Record.Definition, right.Record.Definition);
        return Page();
    }
}
