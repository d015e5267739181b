using Invordering.Infrastructure.Messaging.Contracts;
using Invordering.Infrastructure.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace Invordering.Infrastructure.Consumers;

/// <summary>
/// A command or event whose consumer still failed after its retries becomes an open incident with
/// the error and the case, for staff to see, retry or skip; the rest of the work goes on.
/// </summary>
public sealed class FaultConsumer(InvorderingDbContext db) :
    IConsumer<Fault<IssueLetter>>, IConsumer<Fault<CreateFieldTask>>, IConsumer<Fault<SendSeizureOrder>>,
    IConsumer<Fault<PaymentReceived>>, IConsumer<Fault<TaskCompleted>>, IConsumer<Fault<BailiffResultReceived>>
{
    public Task Consume(ConsumeContext<Fault<IssueLetter>> context) => RecordAsync(context, context.Message.Message.CaseId);
    public Task Consume(ConsumeContext<Fault<CreateFieldTask>> context) => RecordAsync(context, context.Message.Message.CaseId);
    public Task Consume(ConsumeContext<Fault<SendSeizureOrder>> context) => RecordAsync(context, context.Message.Message.CaseId);
    public Task Consume(ConsumeContext<Fault<PaymentReceived>> context) => RecordAsync(context, null);
    public Task Consume(ConsumeContext<Fault<TaskCompleted>> context) => RecordAsync(context, context.Message.Message.CaseId);
    public Task Consume(ConsumeContext<Fault<BailiffResultReceived>> context) => RecordAsync(context, context.Message.Message.CaseId);

    private Task RecordAsync<T>(ConsumeContext<Fault<T>> context, long? caseId)
    {
        var fault = context.Message;
        var error = string.Join(" | ", fault.Exceptions.Select(e => e.Message));
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO message_incidents (message_id, message_type, case_id, error)
            VALUES ({fault.FaultedMessageId ?? Guid.Empty}, {typeof(T).Name}, {caseId}, {error})
            ON CONFLICT (message_id) DO NOTHING
            """, context.CancellationToken);
    }
}
