using System.Net;
using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Persistence.Entities;
using Invordering.Infrastructure.Workflows;
using Invordering.Workflows;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Invordering.TestSupport;
using W = Invordering.Tests.Web.WebWorld;

namespace Invordering.Tests.Web;

/// <summary>The work queue's incidents: a failed message tried again is handled for real; an incident set aside keeps who and why.</summary>
public sealed class WorkQueueTests(W world) : IClassFixture<W>
{
    /// <summary>A message that was published and failed: the outbox keeps it, message_incidents has it open.</summary>
    private async Task<(Guid MessageId, Guid CommandId)> FailedLetterAsync()
    {
        var command = new IssueLetter(Guid.NewGuid(), world.OtherCaseId, 0, "herinnering", null, null, W.Day, W.Day.AddDays(14));
        var message = new OutboxMessage
        {
            MessageId = Guid.NewGuid(), MessageType = MessageTypes.NameOf(typeof(IssueLetter)), Body = MessageTypes.Serialize(command),
            CreatedAt = DateTimeOffset.UtcNow, PublishedAt = DateTimeOffset.UtcNow,
        };
        await using var db = world.Database.CreateContext();
        db.OutboxMessages.Add(message);
        db.MessageIncidents.Add(new MessageIncident
        {
            MessageId = message.MessageId, MessageType = message.MessageType, CaseId = world.OtherCaseId, Error = "Test: de printer stond uit.",
            Status = "open", CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync();
        return (message.MessageId, command.CommandId);
    }

    [Fact]
    public async Task A_failed_message_tried_again_from_the_work_queue_is_handled()
    {
        var (messageId, commandId) = await FailedLetterAsync();
        using var staff = await PageSession.SignInAsync(world.Address, W.Staff);
        Assert.Contains("Test: de printer stond uit.", await (await staff.GetAsync("/werkvoorraad")).Content.ReadAsStringAsync());

        var response = await staff.PostFormAsync("/werkvoorraad?handler=Opnieuw", new() { ["id"] = messageId.ToString() }, formPage: "/werkvoorraad");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("retried", await world.Database.ScalarAsync<string>($"SELECT status FROM message_incidents WHERE message_id = '{messageId}'"));
        await Eventually.HoldsAsync(async () => await world.Database.ScalarAsync<long>($"SELECT count(*) FROM letters WHERE command_id = '{commandId}'") == 1,
            "the letter is made on the second try");
        Assert.Equal(1L, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'incident-retried' AND entity_id = '{messageId}' AND actor = '{W.Staff}'"));
        Assert.DoesNotContain("Test: de printer stond uit.", await (await staff.GetAsync("/werkvoorraad")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_incident_set_aside_needs_a_reason_and_keeps_who_did_it()
    {
        var (messageId, _) = await FailedLetterAsync();
        using var staff = await PageSession.SignInAsync(world.Address, W.Staff);
        var refused = await staff.PostFormAsync("/werkvoorraad?handler=Overslaan", new() { ["soort"] = "bericht", ["id"] = messageId.ToString(), ["reden"] = " " },
            formPage: "/werkvoorraad");
        Assert.Contains("Geef een reden om de storing over te slaan.", await refused.Content.ReadAsStringAsync());

        var done = await staff.PostFormAsync("/werkvoorraad?handler=Overslaan",
            new() { ["soort"] = "bericht", ["id"] = messageId.ToString(), ["reden"] = "Brief met de hand verstuurd." }, formPage: "/werkvoorraad");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(W.Staff, await world.Database.ScalarAsync<string>($"SELECT resolved_by FROM message_incidents WHERE message_id = '{messageId}' AND status = 'skipped'"));
        Assert.Equal("Brief met de hand verstuurd.", await world.Database.ScalarAsync<string>(
            $"SELECT reason FROM audit_log WHERE action = 'incident-skipped' AND entity_id = '{messageId}'"));
    }

    [Fact]
    public async Task A_failed_workflow_step_tried_again_goes_back_on_the_due_list_and_the_scheduler_moves_it_on()
    {
        // A waiting instance whose advance failed: the engine marks it failed where the advance began, and parks an incident.
        var instanceId = await world.Database.ScalarAsync<long>(
            $"SELECT min(id) FROM workflow_instances WHERE status = 'waiting' AND case_id NOT IN ({world.HomeVisitCaseId}, {world.OtherCaseId})");
        await using (var db = world.Database.CreateContext())
        {
            var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == instanceId);
            var state = InstanceStateJson.Deserialize(instance.State);
            instance.State = InstanceStateJson.Serialize(state with { Status = WorkflowStatus.Failed, FailureReason = "Test: sjabloon kapot.", WakeUp = null });
            instance.Status = "failed";
            instance.WakeOn = null;
            db.WorkflowIncidents.Add(new WorkflowIncident
            {
                InstanceId = instanceId, StepId = instance.CurrentStep, Error = "Test: sjabloon kapot.", Attempts = 1, Status = "open", CreatedAt = DateTimeOffset.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        var incidentId = await world.Database.ScalarAsync<long>($"SELECT id FROM workflow_incidents WHERE instance_id = {instanceId} AND status = 'open'");
        var caseId = await world.Database.ScalarAsync<long>($"SELECT case_id FROM workflow_instances WHERE id = {instanceId}");

        using var staff = await PageSession.SignInAsync(world.Address, W.Staff);
        Assert.Contains("Test: sjabloon kapot.", await (await staff.GetAsync("/werkvoorraad")).Content.ReadAsStringAsync());
        var response = await staff.PostFormAsync("/werkvoorraad?handler=Opnieuw", new() { ["soort"] = "workflow", ["id"] = incidentId.ToString() },
            formPage: "/werkvoorraad");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        Assert.Equal("retried", await world.Database.ScalarAsync<string>($"SELECT status FROM workflow_incidents WHERE id = {incidentId}"));
        Assert.Equal($"waiting {W.Day:yyyy-MM-dd}", await world.Database.ScalarAsync<string>(
            $"SELECT status || ' ' || wake_on::text FROM workflow_instances WHERE id = {instanceId}"));
        Assert.Equal(1L, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'incident-retried' AND entity = 'workflow_incident' AND entity_id = '{incidentId}' AND actor = '{W.Staff}'"));
        var retriedAt = await world.Database.ScalarAsync<long>(
            $"SELECT max(id) FROM workflow_journal WHERE case_id = {caseId} AND actor = '{W.Staff}' AND reason LIKE 'Na een storing opnieuw geprobeerd%'");
        Assert.DoesNotContain("Test: sjabloon kapot.", await (await staff.GetAsync("/werkvoorraad")).Content.ReadAsStringAsync());

        // The scheduler (the timer service, or the day's run) picks it up.
        await world.App.Services.GetRequiredService<WorkflowScheduler>().ProcessDueAsync(W.Day, CancellationToken.None);
        Assert.True(await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM workflow_journal WHERE case_id = {caseId} AND actor = '{WorkflowScheduler.Actor}' AND id > {retriedAt}") > 0);
        Assert.True(await world.Database.ScalarAsync<bool>(
            $"SELECT wake_on IS NULL OR wake_on > DATE '{W.Day:yyyy-MM-dd}' FROM workflow_instances WHERE id = {instanceId}"));
    }

    [Fact]
    public async Task An_unmatched_payment_linked_to_an_assessment_is_booked_as_the_import_books_it()
    {
        var paymentId = await world.Database.ScalarAsync<long>(
            $"""
            INSERT INTO payments (transaction_id, booking_date, amount_cents, description, counterparty_name, status, batch_id)
            VALUES ('HANDMATIG-1', DATE '2026-05-14', 1500, 'belasting mei', 'J. de Vries', 'unmatched', {world.BatchId}) RETURNING id
            """);
        var (assessmentId, reference) = (await world.Database.ScalarAsync<long>($"SELECT assessment_id FROM collection_cases WHERE id = {world.OtherCaseId}"),
            await world.Database.ScalarAsync<string>(
                $"SELECT a.payment_reference FROM assessments a JOIN collection_cases c ON c.assessment_id = a.id WHERE c.id = {world.OtherCaseId}"));
        var paidBefore = await world.Database.ScalarAsync<long>($"SELECT paid_cents FROM assessments WHERE id = {assessmentId}");
        var eventsBefore = await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM workflow_journal WHERE case_id = {world.OtherCaseId} AND kind = 'event' AND reason LIKE '%betaling-%'");

        using var staff = await PageSession.SignInAsync(world.Address, W.Staff);
        Assert.Contains("belasting mei", await (await staff.GetAsync("/werkvoorraad")).Content.ReadAsStringAsync());
        var missing = await staff.PostFormAsync("/werkvoorraad?handler=Koppel", new() { ["betaling"] = paymentId.ToString(), ["aanslag"] = " " }, formPage: "/werkvoorraad");
        Assert.Contains("Vul het aanslagnummer of het betalingskenmerk in.", await missing.Content.ReadAsStringAsync());
        var unknown = await staff.PostFormAsync("/werkvoorraad?handler=Koppel", new() { ["betaling"] = paymentId.ToString(), ["aanslag"] = "1999000000" },
            formPage: "/werkvoorraad");
        Assert.Contains("Er is geen aanslag met aanslagnummer of betalingskenmerk", await unknown.Content.ReadAsStringAsync());
        Assert.Equal("unmatched", await world.Database.ScalarAsync<string>($"SELECT status FROM payments WHERE id = {paymentId}"));

        var linked = await staff.PostFormAsync("/werkvoorraad?handler=Koppel", new() { ["betaling"] = paymentId.ToString(), ["aanslag"] = reference },
            formPage: "/werkvoorraad");
        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        Assert.Equal($"matched {assessmentId}", await world.Database.ScalarAsync<string>($"SELECT status || ' ' || assessment_id FROM payments WHERE id = {paymentId}"));
        Assert.Equal(paidBefore + 1500, await world.Database.ScalarAsync<long>($"SELECT paid_cents FROM assessments WHERE id = {assessmentId}"));
        Assert.Equal(1L, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM outbox_messages WHERE message_type = 'PaymentReceived' AND (body->>'paymentId')::bigint = {paymentId} AND (body->>'assessmentId')::bigint = {assessmentId}"));
        Assert.Equal(1L, await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM audit_log WHERE action = 'payment-linked' AND entity = 'payment' AND entity_id = '{paymentId}' AND actor = '{W.Staff}'"));
        await Eventually.HoldsAsync(async () => await world.Database.ScalarAsync<long>(
            $"SELECT count(*) FROM workflow_journal WHERE case_id = {world.OtherCaseId} AND kind = 'event' AND reason LIKE '%betaling-%'") > eventsBefore,
            "the case's workflow hears of the payment");

        var again = await staff.PostFormAsync("/werkvoorraad?handler=Koppel", new() { ["betaling"] = paymentId.ToString(), ["aanslag"] = reference }, formPage: "/werkvoorraad");
        Assert.Contains("Deze betaling is al gekoppeld of bestaat niet (meer).", await again.Content.ReadAsStringAsync());
        Assert.Equal(paidBefore + 1500, await world.Database.ScalarAsync<long>($"SELECT paid_cents FROM assessments WHERE id = {assessmentId}"));
    }
}
