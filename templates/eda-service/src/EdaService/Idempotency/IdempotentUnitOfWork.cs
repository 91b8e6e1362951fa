using EdaService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Options;
using Rebus.Pipeline;

namespace EdaService.Idempotency;

/// <summary>
/// Applies each message at most once per operation: the processed-messages record is written in the same transaction
/// as the business write and the outgoing messages. A duplicate (redelivery after a lost acknowledgement, a replay,
/// a concurrent delivery) is acknowledged with no side effect and no outgoing message.
/// </summary>
internal sealed partial class IdempotentUnitOfWork(
    IUnitOfWork inner,
    EdaServiceDbContext db,
    ProcessedMessageLog log,
    IOptions<IdempotencyOptions> options,
    TimeProvider clock,
    ILogger<IdempotentUnitOfWork> logger) : IUnitOfWork
{
    public async Task<UnitOfWorkResult> ExecuteAsync(string operation, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        var incoming = MessageContext.Current?.TransportMessage;
        if (incoming is null)
        {
            // Not handling a message (e.g. a scheduled job): nothing to de-duplicate.
            return await inner.ExecuteAsync(operation, work, cancellationToken);
        }

        var message = ProcessedMessage.From(incoming, operation, clock.GetUtcNow(), options.Value.EffectiveRecordedHeaders);
        try
        {
            return await inner.ExecuteAsync(operation, async token =>
            {
                var connection = db.Database.GetDbConnection();
                var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
                                  ?? throw new InvalidOperationException("The unit of work did not begin a transaction.");
                if (!await log.TryClaimAsync(connection, transaction, message, clock.GetUtcNow(), token))
                {
                    throw new AlreadyProcessed();
                }

                await work(token);
            }, cancellationToken);
        }
        catch (AlreadyProcessed)
        {
            // The transaction was rolled back and the outbox scope discarded: acknowledging is all that is left.
            LogDuplicate(logger, message.MessageId, message.MessageType, operation);
            return UnitOfWorkResult.AlreadyProcessed;
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Ignored duplicate message {MessageId} ({MessageType}) for {Operation}: already processed")]
    private static partial void LogDuplicate(ILogger logger, string messageId, string? messageType, string operation);

    /// <summary>Unwinds the inner unit of work without committing anything.</summary>
    private sealed class AlreadyProcessed : Exception;
}
