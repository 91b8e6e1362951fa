using Rebus.Messages;
using Rebus.Retry;
using Rebus.Transport;

namespace EdaService.Messaging.Failures;

/// <summary>
/// Innermost decorator of Rebus's error handler, whose own job is the move to the error queue: marks the delivery when
/// that move itself failed (or succeeded), so <see cref="DeadLetterFallbackErrorHandler"/> does not repeat it at once (Rebus already
/// paused before giving up) and the message goes back to the queue, where <see cref="RedeliveryLoopGuardStep"/> counts it.
/// </summary>
internal sealed class DeadLetterMove(IErrorHandler rebusErrorHandler) : IErrorHandler
{
    private const string FailedKey = "eda-dead-letter-move-failed";
    private const string MovedKey = "eda-dead-letter-moved";

    public async Task HandlePoisonMessage(TransportMessage transportMessage, ITransactionContext transactionContext, ExceptionInfo exception)
    {
        try
        {
            await rebusErrorHandler.HandlePoisonMessage(transportMessage, transactionContext, exception);
            transactionContext.Items[MovedKey] = true;
        }
        catch
        {
            transactionContext.Items[FailedKey] = true;
            throw;
        }
    }

    public static bool Failed(ITransactionContext transactionContext) => transactionContext.Items.ContainsKey(FailedKey);

    /// <summary>The message is in the error queue: whatever fails after that must not move it a second time.</summary>
    public static bool Moved(ITransactionContext transactionContext) => transactionContext.Items.ContainsKey(MovedKey);
}
