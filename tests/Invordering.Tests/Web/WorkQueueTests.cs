using System.Net;
using Invordering.Infrastructure.Messaging;
using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Persistence.Entities;
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
}
