using Invordering.Infrastructure.Persistence;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Workflows;
using Invordering.Web;
using Invordering.Workflows;
using Microsoft.AspNetCore.Mvc;
using Npgsql;

namespace Invordering.Pages.Beheer.Workflows;

/// <summary>The workflows and their versions (concept, gepubliceerd, ingetrokken) with when and by whom; import of a workflows/ file as a new draft.</summary>
public sealed class WorkflowsModel(InvorderingDbContext db, NpgsqlDataSource dataSource, TimeProvider time, WorkflowVersions versions)
    : StaffPageModel(db, dataSource, time)
{
    public IReadOnlyList<IGrouping<string, WorkflowDefinitionRecord>> Workflows { get; private set; } = [];

    /// <summary>Why an imported file was refused, per problem.</summary>
    public IReadOnlyList<ValidationError> ImportErrors { get; private set; } = [];

    public async Task OnGetAsync() => Workflows = await versions.ListAsync(HttpContext.RequestAborted);

    public async Task<IActionResult> OnPostImporteerAsync(IFormFile? bestand)
    {
        if (bestand is null || bestand.Length == 0)
        {
            Problem = "Kies een workflowbestand (.json) om in te lezen.";
        }
        else if (bestand.Length > 1_000_000)
        {
            Problem = "Het bestand is groter dan 1 MB; een workflowbestand is veel kleiner. Er is niets ingelezen.";
        }
        else
        {
            using var reader = new StreamReader(bestand.OpenReadStream());
            var json = await reader.ReadToEndAsync(HttpContext.RequestAborted);
            try
            {
                var stored = await versions.ImportAsync(json, Path.GetFileName(bestand.FileName), Actor, HttpContext.RequestAborted);
                Done = $"'{bestand.FileName}' is ingelezen als concept, versie {stored.Version} van {stored.WorkflowId}.";
                return Redirect($"/beheer/workflows/{stored.WorkflowId}/{stored.Version}");
            }
            catch (WorkflowDefinitionException ex)
            {
                Problem = $"'{bestand.FileName}' is niet ingelezen: het is geen geldig workflowbestand. Er is niets opgeslagen.";
                ImportErrors = ex.Errors;
            }
            catch (WorkflowVersionException ex)
            {
                Problem = ex.Message;
            }
        }

        await OnGetAsync();
        return Page();
    }
}
