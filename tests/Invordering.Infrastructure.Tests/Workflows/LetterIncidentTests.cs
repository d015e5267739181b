using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Workflows;

namespace Invordering.Infrastructure.Tests.Workflows;

/// <summary>
/// Letters are made in batches; a letter whose data breaks a rule (here: costs on a claim that is
/// already paid) becomes an open incident with its case and reason, and the other letters of the
/// batch are stored as usual.
/// </summary>
public sealed class LetterIncidentTests : IAsyncLifetime
{
    private static readonly DateOnly Day = new(2026, 6, 1);

    /// <summary>A workflow that does nothing by itself today: the letters here are asked for directly.</summary>
    private static readonly WorkflowInstanceState WaitingUntilNextYear = new()
    {
        DefinitionId = "wil-niet", DefinitionVersion = 1, CurrentStepId = "wacht-na-aanmaning", Status = WorkflowStatus.Waiting,
        WakeUp = Day.AddYears(1), StepEnteredOn = Day.AddDays(-14), LastDemandDate = Day.AddDays(-14),
    };

    private readonly CaseWorld _world = new();

    public Task InitializeAsync() => _world.InitializeAsync();

    public Task DisposeAsync() => _world.DisposeAsync();

    [Fact]
    public async Task A_letter_that_cannot_be_made_becomes_an_incident_and_the_others_go_out()
    {
        var unpaid = await _world.AddCaseAsync(60_000, WaitingUntilNextYear);
        var paid = await _world.AddCaseAsync(60_000, WaitingUntilNextYear);
        await _world.ExecuteAsync("UPDATE assessments SET paid_cents = amount_cents WHERE id = (SELECT assessment_id FROM collection_cases WHERE id = @case)", ("case", paid));

        await using (var db = _world.Database.CreateContext())
        {
            foreach (var caseId in new[] { unpaid, paid, unpaid })
                Outbox.Add(db, new IssueLetter(Guid.NewGuid(), caseId, 0, "aanmaning", "aanmaning", null, Day, Day.AddDays(14)));
            await db.SaveChangesAsync();
        }
        await _world.SettleAsync();

        Assert.Equal(2, await _world.ScalarAsync<long>("SELECT count(*) FROM letters WHERE case_id = @case", ("case", unpaid)));
        // The second aanmaning shows both costs: the one charged with the first (in its batch, or in one before it), and its own.
        Assert.Equal(2, await _world.ScalarAsync<long>("SELECT count(*) FROM case_costs WHERE case_id = @case", ("case", unpaid)));
        Assert.Equal("1,2", await _world.ScalarAsync<string>(
            "SELECT string_agg(jsonb_array_length(data -> 'costs')::text, ',' ORDER BY id) FROM letters WHERE case_id = @case", ("case", unpaid)));
        Assert.Equal(0, await _world.ScalarAsync<long>("SELECT count(*) FROM letters WHERE case_id = @case", ("case", paid)));
        Assert.Equal("IssueLetter open", await _world.ScalarAsync<string>(
            "SELECT message_type || ' ' || status FROM message_incidents WHERE case_id = @case", ("case", paid)));
        Assert.Equal(0, await _world.ScalarAsync<long>(
            "SELECT count(*) FROM inbox_messages i JOIN message_incidents f ON f.message_id = i.message_id"));
    }
}
