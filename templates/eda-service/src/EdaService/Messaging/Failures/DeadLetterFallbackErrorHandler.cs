using Rebus.Messages;
using Rebus.Retry;
using Rebus.Transport;

namespace EdaService.Messaging.Failures;

/// <summary>
/// Outermost decorator of Rebus's error handler. What the decorators inside it add to a dead-letter move (a rejection
/// notice, a delayed retry) can fail, and an error handler that throws leaves the message in the queue to fail again at
/// once, forever (a notice that failed its own validation once redelivered a message 400 times a second). So when they
/// fail, the message is moved to the error queue by Rebus's own handler, with its original error details and the
/// failure of the error handling in <see cref="FailureHeader"/>. Only a failed move itself is rethrown; a failure after
/// the move does not move the message a second time.
/// </summary>
internal sealed partial class DeadLetterFallbackErrorHandler(
    IErrorHandler decorated, DeadLetterMove move, FailurePathMetrics metrics, ILogger logger) : IErrorHandler
{
    /// <summary>What went wrong while the message's failure was handled, on the error queue copy.</summary>
    public const string FailureHeader = "eda-error-handling-failure";

    public async Task HandlePoisonMessage(TransportMessage transportMessage, ITransactionContext transactionContext, ExceptionInfo exception)
    {
        try
        {
            await decorated.HandlePoisonMessage(transportMessage, transactionContext, exception);
        }
        catch (Exception failure) when (!DeadLetterMove.Failed(transactionContext))
        {
            var messageId = transportMessage.Headers.GetValueOrDefault(Headers.MessageId) ?? "(none)";
            metrics.ErrorHandlingFailed("fallback");
            if (DeadLetterMove.Moved(transactionContext))
            {
                LogFailedAfterMove(logger, failure, messageId);
                return;
            }

            LogFallback(logger, failure, messageId);
            var headers = new Dictionary<string, string>(transportMessage.Headers)
            {
                [FailureHeader] = FailurePathMetrics.Describe(failure),
            };
            await move.HandlePoisonMessage(new TransportMessage(headers, transportMessage.Body), transactionContext, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Message {MessageId} is in the error queue, but handling its failure failed afterwards")]
    private static partial void LogFailedAfterMove(ILogger logger, Exception exception, string messageId);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Handling the failure of message {MessageId} failed; moving it to the error queue without the extras")]
    private static partial void LogFallback(ILogger logger, Exception exception, string messageId);
}
