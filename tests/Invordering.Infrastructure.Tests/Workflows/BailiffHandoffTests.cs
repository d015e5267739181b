using System.Text;
using Invordering.Domain.Imports;
using Invordering.Infrastructure.Bailiff;
using Invordering.Infrastructure.Cases;
using Invordering.Infrastructure.Persistence;
using Invordering.Workflows;
using Microsoft.Extensions.DependencyInjection;

namespace Invordering.Infrastructure.Tests.Workflows;

/// <summary>
/// The handoff to the external bailiff and back: seizure orders written by the workflow go out as
/// the export file, the bailiff's results file comes back in through CaseActions, and each case's
/// workflow moves on by the result.
/// </summary>
public sealed class BailiffHandoffTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 6, 1);

    private readonly CaseWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    /// <summary>A case after its hernieuwd bevel, with the costs of aanmaning, dwangbevel and hernieuwd bevel charged; the run sends the seizure order.</summary>
    private async Task<long> CaseBeforeSeizureAsync(long amountCents)
    {
        var caseId = await _world.AddCaseAsync(amountCents, new WorkflowInstanceState
        {
            DefinitionId = "wil-niet", DefinitionVersion = 1, CurrentStepId = "wacht-na-hernieuwd-bevel", Status = WorkflowStatus.Waiting,
            WakeUp = Day, StepEnteredOn = Day.AddDays(-2), LastDemandDate = Day.AddDays(-30), LastWritDate = Day.AddDays(-10),
        });
        await _world.ExecuteAsync(
            """
            INSERT INTO case_costs (case_id, kind, amount_cents, charged_on, command_id)
            VALUES (@case, 'aanmaning', 1900, @day - 30, gen_random_uuid()), (@case, 'dwangbevel', 8500, @day - 10, gen_random_uuid()),
                   (@case, 'hernieuwd-bevel', 1800, @day - 4, gen_random_uuid())
            """, ("case", caseId), ("day", Day));
        return caseId;
    }

    private async Task<string> ExportAsync()
    {
        await using var scope = _world.Host.Services.CreateAsyncScope();
        var writer = new StringWriter();
        await new SeizureOrderExport(scope.ServiceProvider.GetRequiredService<InvorderingDbContext>())
            .WriteAsync(writer, "medewerker", CancellationToken.None);
        return writer.ToString();
    }

    private async Task<BailiffResultSummary> ImportAsync(string file)
    {
        await using var scope = _world.Host.Services.CreateAsyncScope();
        var import = new BailiffResultImport(scope.ServiceProvider.GetRequiredService<CaseActions>());
        return await import.ImportAsync(new MemoryStream(Encoding.UTF8.GetBytes(file)), "medewerker", CancellationToken.None);
    }

    private Task<long> OrderOfAsync(long caseId) => _world.ScalarAsync<long>("SELECT id FROM seizure_orders WHERE case_id = @case", ("case", caseId));

    private Task<string> WhereAsync(long caseId) => _world.ScalarAsync<string>(
        """
        SELECT (SELECT string_agg(i.current_step || '/' || i.status, ',') FROM workflow_instances i WHERE i.case_id = c.id)
               || ' case ' || c.status || coalesce('/' || c.outcome, '')
               || ' order ' || (SELECT string_agg(o.status, ',') FROM seizure_orders o WHERE o.case_id = c.id)
        FROM collection_cases c WHERE c.id = @case
        """, ("case", caseId));

    [Fact]
    public async Task Seizure_orders_go_out_as_a_file_and_the_results_file_moves_each_workflow_on()
    {
        var paid = await CaseBeforeSeizureAsync(123_456);
        var partly = await CaseBeforeSeizureAsync(80_000);
        var nothing = await CaseBeforeSeizureAsync(45_000);
        await _world.ExecuteAsync("UPDATE debtors SET name = 'Jansen; J.' WHERE id = (SELECT debtor_id FROM collection_cases WHERE id = @case)", ("case", paid));
        await _world.RunDayAsync(Day);

        var lines = (await ExportAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal(
            "opdrachtnummer;zaakkenmerk;naam;straat;huisnummer;postcode;woonplaats;aanslagnummer;belastingjaar;aanslagbedrag;openstaand;kosten;totaal;datum_opdracht",
            lines[0]);
        Assert.Equal(4, lines.Count);
        var paidOrder = await OrderOfAsync(paid);
        var assessment = await _world.ScalarAsync<string>(
            "SELECT a.assessment_number FROM collection_cases c JOIN assessments a ON a.id = c.assessment_id WHERE c.id = @case", ("case", paid));
        var house = await _world.ScalarAsync<string>("SELECT d.house_number FROM collection_cases c JOIN debtors d ON d.id = c.debtor_id WHERE c.id = @case", ("case", paid));
        var orderedOn = await _world.ScalarAsync<DateOnly>("SELECT (created_at AT TIME ZONE 'Europe/Amsterdam')::date FROM seizure_orders WHERE id = @id", ("id", paidOrder));
        Assert.Contains($"{paidOrder};Z{paid:D8};\"Jansen; J.\";Kerkstraat;{house};6811AB;Arnhem;{assessment};2026;1234,56;1234,56;122,00;1356,56;{orderedOn:yyyy-MM-dd}", lines);
        Assert.Equal(1, await _world.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'seizure-orders-exported'"));

        var summary = await ImportAsync(
            $"""
            opdrachtnummer;uitkomst;bedrag
            {paidOrder};betaald;1356,56
            {await OrderOfAsync(partly)};deels-betaald;200.00
            {await OrderOfAsync(nothing)};niets-te-halen;
            {await OrderOfAsync(nothing)};verdwenen;0
            999999;betaald;10,00
            {paidOrder};deels-betaald;0

            """);
        Assert.Equal((6, 3), (summary.Rows, summary.Accepted));
        Assert.Equal([(5, "uitkomst", "uitkomst-onbekend"), (6, "opdrachtnummer", "opdracht-niet-uitgezet"), (7, "bedrag", "bedrag-ontbreekt")],
            summary.Errors.Select(e => (e.Line, e.Column, e.Code)));
        await _world.SettleAsync();

        Assert.Equal("einde-betaald/completed case closed/betaald order paid", await WhereAsync(paid));
        Assert.Equal("einde-deurwaarder/completed case closed/deurwaarder order partly-paid", await WhereAsync(partly));
        Assert.Equal("oninbaar-beoordelen/waiting-for-task case open order nothing-to-seize", await WhereAsync(nothing));
        Assert.Equal(1, await _world.ScalarAsync<long>("SELECT count(*) FROM field_tasks WHERE case_id = @case AND kind = 'beoordeling' AND status = 'open'", ("case", nothing)));
        Assert.Equal(3, await _world.ScalarAsync<long>("SELECT count(*) FROM audit_log WHERE action = 'bailiff-result'"));

        // Reported orders are no longer out: the next export is empty, and the same results again are refused.
        Assert.Single((await ExportAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries));
        var again = await ImportAsync($"opdrachtnummer;uitkomst;bedrag\n{paidOrder};betaald;1356,56\n");
        Assert.Equal((1, 0), (again.Rows, again.Accepted));
    }

    [Fact]
    public async Task A_file_without_the_result_columns_is_refused_whole()
    {
        var error = await Assert.ThrowsAsync<FileRejectedException>(() => ImportAsync("opdrachtnummer;bedrag\n1;10,00\n"));
        Assert.Equal(FileRejectionCodes.MissingColumn, error.Code);
        Assert.Contains("uitkomst", error.Message);
    }
}
