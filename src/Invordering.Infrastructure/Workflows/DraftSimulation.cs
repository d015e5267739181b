using Invordering.Infrastructure.Persistence;
using Invordering.Workflows;
using Invordering.Workflows.Simulation;

namespace Invordering.Infrastructure.Workflows;

/// <summary>The two versions a simulation compares: the published one and the one tried beside it (a stored version or a file).</summary>
public sealed record SimulatedVersions(WorkflowDefinition Published, WorkflowDefinition Tried, string TriedLabel);

/// <summary>
/// Simulates a version of a workflow (a draft, any stored version, or a definition file) beside the published
/// version on the same synthetic population, in memory: no case, letter or message is made. Definitions come
/// from the definition store, costs from the tariff table; every run is audited.
/// </summary>
public sealed class DraftSimulation(DefinitionStore definitions, WorkflowEngine engine)
{
    public const int DefaultDebtors = 1_000;
    public const int DefaultDays = 180;
    public const int DefaultSeed = 2026;
    public const int MaxDebtors = 100_000;
    public const int MaxDays = 1_000;

    private readonly WorkflowValidator _validator = new();

    /// <summary>
    /// The published version of <paramref name="workflowId"/> and the one to try beside it: the definition in
    /// <paramref name="fileJson"/>, else stored version <paramref name="version"/>, else the newest draft, else the
    /// published version itself. Throws <see cref="SimulationRefusedException"/> with a Dutch reason.
    /// </summary>
    public async Task<SimulatedVersions> ChooseAsync(string? workflowId, int? version, string? fileJson, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(workflowId)) throw new SimulationRefusedException("Kies een workflow.");
        var versions = await definitions.VersionsAsync(workflowId, ct);
        if (versions.Count == 0)
        {
            var known = await definitions.WorkflowIdsAsync(ct);
            throw new SimulationRefusedException($"Workflow '{workflowId}' bestaat niet; bekende workflows: {string.Join(", ", known)}.");
        }

        var published = versions.FirstOrDefault(v => v.Status == DefinitionStatus.Published)
            ?? throw new SimulationRefusedException($"Workflow '{workflowId}' heeft geen gepubliceerde versie om mee te vergelijken.");
        var publishedDefinition = await definitions.GetAsync(published.Id, ct);
        if (fileJson is not null)
        {
            var fromFile = FromFile(workflowId, fileJson);
            return new SimulatedVersions(publishedDefinition, fromFile, "bestand");
        }

        var tried = version is { } number
            ? versions.FirstOrDefault(v => v.Version == number)
              ?? throw new SimulationRefusedException(
                  $"Workflow '{workflowId}' heeft geen versie {number}; bekende versies: {string.Join(", ", versions.Select(Describe))}.")
            : versions.LastOrDefault(v => v.Status == DefinitionStatus.Draft) ?? published;
        var triedDefinition = await definitions.GetAsync(tried.Id, ct);
        Validate(triedDefinition, $"Versie {tried.Version} van '{workflowId}' is niet geldig");
        return new SimulatedVersions(publishedDefinition, triedDefinition, Describe(tried));
    }

    /// <summary>Runs both versions on <paramref name="debtors"/> synthetic debtors for <paramref name="days"/> days, after writing who ran what to the audit log.</summary>
    public async Task<SimulationComparison> RunAsync(InvorderingDbContext db, SimulatedVersions versions, int debtors, int days, int seed,
        string actor, string source, IProgress<int>? publishedProgress, IProgress<int>? triedProgress, CancellationToken ct)
    {
        if (debtors is < 1 or > MaxDebtors) throw new SimulationRefusedException($"Het aantal debiteuren moet tussen 1 en 100.000 liggen.");
        if (days is < 1 or > MaxDays) throw new SimulationRefusedException($"Het aantal dagen moet tussen 1 en 1000 liggen.");
        var tariffs = await Tariffs.TariffStore.TableAsync(db, ct);
        Audit.Record(db, actor, "workflow-simulated", "workflow_definition", versions.Published.Id, source: source, details: new
        {
            workflow = versions.Published.Id,
            publishedVersion = versions.Published.Version,
            tried = versions.TriedLabel,
            debtors,
            days,
            seed,
        });
        await db.SaveChangesAsync(ct);

        var population = SyntheticPopulation.Draw(versions.Published.Segment, debtors, seed);
        var simulation = new WorkflowSimulation(engine, tariffs, new PeopleModel(new Chance(seed)));
        return await SimulationComparison.RunAsync(simulation, versions.Published, versions.Tried, population, days, publishedProgress, triedProgress, ct);
    }

    private WorkflowDefinition FromFile(string workflowId, string json)
    {
        WorkflowDefinition definition;
        try
        {
            definition = new WorkflowDefinitionLoader().Load(json, 0);
        }
        catch (WorkflowDefinitionException ex)
        {
            throw new SimulationRefusedException($"Het bestand is geen geldige workflow: {Join(ex.Errors)}");
        }

        if (definition.Id != workflowId)
            throw new SimulationRefusedException($"Het bestand beschrijft workflow '{definition.Id}', niet '{workflowId}'.");
        Validate(definition, "De workflow in het bestand is niet geldig");
        return definition;
    }

    private void Validate(WorkflowDefinition definition, string problem)
    {
        var errors = _validator.Validate(definition);
        if (errors.Count > 0) throw new SimulationRefusedException($"{problem}: {Join(errors)}");
    }

    private static string Join(IEnumerable<ValidationError> errors) => string.Join(" ", errors.Select(e => e.Message));

    private static string Describe(StoredVersion version) => version.Status switch
    {
        DefinitionStatus.Draft => $"{version.Version} (concept)",
        DefinitionStatus.Published => $"{version.Version} (gepubliceerd)",
        _ => $"{version.Version} (ingetrokken)",
    };
}

/// <summary>A simulation cannot run as asked; the message says why, in Dutch.</summary>
public sealed class SimulationRefusedException(string message) : Exception(message);
