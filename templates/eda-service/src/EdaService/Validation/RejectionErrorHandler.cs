using System.Text.Json;
using EdaService.Contracts;
using EdaService.Messaging.Envelope;
using EdaService.Messaging.Failures;
using Rebus.Bus;
using Rebus.Messages;
using Rebus.Retry;
using Rebus.Transport;

namespace EdaService.Validation;

/// <summary>
/// Decorates Rebus's error handler. For a message <see cref="ValidateIncomingMessageStep"/> rejected it publishes
/// <see cref="MessageRejected"/>, so the producer learns its message was refused instead of assuming it was handled, and
/// lists every failed rule in the <see cref="ValidationHeaders.Errors"/> header of the error queue copy. Any other
/// failure passes through untouched. Relies on Rebus's default ErrorHandlerMode.Immediately, which calls the error
/// handler within the delivery that failed.
/// </summary>
internal sealed partial class RejectionErrorHandler(IErrorHandler inner, string sourceQueue, IServiceProvider services) : IErrorHandler
{
    public async Task HandlePoisonMessage(TransportMessage transportMessage, ITransactionContext transactionContext, ExceptionInfo exception)
    {
        if (!transactionContext.Items.TryGetValue(ValidateIncomingMessageStep.RejectionKey, out var item) || item is not MessageRejectedException rejection)
        {
            await inner.HandlePoisonMessage(transportMessage, transactionContext, exception);
            return;
        }

        var logger = services.GetRequiredService<ILogger<RejectionErrorHandler>>();
        LogRejected(logger, rejection.MessageId, rejection.MessageType, string.Join("; ", rejection.Reasons));
        var headers = new Dictionary<string, string>(transportMessage.Headers)
        {
            [ValidationHeaders.Errors] = JsonSerializer.Serialize(rejection.Reasons),
        };

        // Notify first, then park: if parking fails the message is redelivered and the notice repeated with the same
        // message id (consumers can de-duplicate); the other order could park the message and never tell anyone. The
        // notice is best effort: one that cannot be built or sent must not keep the message from the error queue, where
        // it would otherwise fail again at once, forever.
        try
        {
            await PublishRejectedAsync(transportMessage, rejection);
        }
        catch (Exception failure)
        {
            services.GetRequiredService<RejectionNoticeMetrics>().Failed(failure);
            LogNoticeFailed(logger, failure, rejection.MessageId);
            headers[ValidationHeaders.NoticeFailure] = FailurePathMetrics.Describe(failure);
        }

        await inner.HandlePoisonMessage(new TransportMessage(headers, transportMessage.Body), transactionContext, exception);
    }

    private async Task PublishRejectedAsync(TransportMessage rejected, MessageRejectedException rejection)
    {
        var notice = new MessageRejected(
            rejection.MessageId, rejection.MessageType, sourceQueue, rejection.Reasons, services.GetRequiredService<TimeProvider>().GetUtcNow());
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = $"rejected-{rejection.MessageId}",
            [Headers.CorrelationId] = SoundCorrelationId(rejected) ?? rejection.MessageId,
        };

        // Its own transaction: the delivery's transaction is rolled back, and would take the notice with it.
        using var scope = new RebusTransactionScope();
        await services.GetRequiredService<IBus>().Publish(notice, headers);
        await scope.CompleteAsync();
    }

    // A correlation id that broke the envelope rules (it may be why the message was rejected) is not passed on.
    private static string? SoundCorrelationId(TransportMessage rejected) =>
        rejected.Headers.GetValueOrDefault(Headers.CorrelationId) is { Length: > 0 and <= EnvelopeRules.MaxIdLength } id && EnvelopeRules.IsPrintable(id)
            ? id
            : null;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected message {MessageId} of type {MessageType}: {Reasons}")]
    private static partial void LogRejected(ILogger logger, string messageId, string messageType, string reasons);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Could not publish MessageRejected for message {MessageId}; the message goes to the error queue without the notice")]
    private static partial void LogNoticeFailed(ILogger logger, Exception exception, string messageId);
}
