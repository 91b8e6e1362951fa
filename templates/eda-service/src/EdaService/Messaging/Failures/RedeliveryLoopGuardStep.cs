using Rebus.Messages;
using Rebus.Pipeline;
using Rebus.Transport;

namespace EdaService.Messaging.Failures;

/// <summary>
/// The first step of the receive pipeline, so it sees every delivery however it ends. A delivery that ends with an
/// exception (its error handling failed, or a step outside Rebus's retry step threw) is counted; once a message has had
/// <see cref="RedeliveryLoopGuard.Limit"/> of them in a row, its next delivery moves it to the error queue directly,
/// with the reason, instead of running the pipeline that keeps failing. Nothing can then redeliver a message forever.
/// </summary>
[StepDocumentation("Redelivery loop guard: moves a message to the error queue when its deliveries keep failing outside the retry step.")]
internal sealed partial class RedeliveryLoopGuardStep(
    RedeliveryLoopGuard guard, ITransport transport, string errorQueue, FailurePathMetrics metrics, ILogger logger) : IIncomingStep
{
    /// <summary>How long a failed forced move waits before its message goes back: no hot loop while the error queue is unreachable.</summary>
    public static readonly TimeSpan FailedMoveHold = TimeSpan.FromSeconds(5);

    public async Task Process(IncomingStepContext context, Func<Task> next)
    {
        var message = context.Load<TransportMessage>();
        var key = RedeliveryLoopGuard.KeyOf(message);
        var busStopping = context.Load<CancellationToken>();
        if (guard.MustForce(key))
        {
            await ForceToErrorQueueAsync(context, message, key, busStopping);
            return;
        }

        try
        {
            await next();
        }
        catch (Exception exception) when (!(exception is OperationCanceledException && busStopping.IsCancellationRequested))
        {
            var escapes = guard.RecordEscape(key);
            metrics.ErrorHandlingFailed("escaped");
            LogEscaped(logger, exception, MessageId(message), escapes, guard.Limit);
            throw;
        }

        guard.Completed(key);
    }

    private async Task ForceToErrorQueueAsync(IncomingStepContext context, TransportMessage message, string key, CancellationToken busStopping)
    {
        var messageId = MessageId(message);
        var reason = $"Forced to the error queue by the redelivery loop guard: {guard.Limit} deliveries in a row failed while " +
                     "their failure was being handled (see the service's log for each exception)";
        var headers = new Dictionary<string, string>(message.Headers)
        {
            [Headers.ErrorDetails] = reason,
            [Headers.SourceQueue] = transport.Address,
        };
        try
        {
            using (var scope = new RebusTransactionScope())
            {
                await transport.Send(errorQueue, new TransportMessage(headers, message.Body), scope.TransactionContext);
                await scope.CompleteAsync();
            }
        }
        catch (Exception exception) when (!busStopping.IsCancellationRequested)
        {
            LogMoveFailed(logger, exception, messageId, errorQueue);
            await Task.Delay(FailedMoveHold, busStopping).ContinueWith(_ => { }, TaskScheduler.Default);
            throw;
        }

        // Acknowledged without committing anything else of this delivery: the message now lives in the error queue only.
        context.Load<ITransactionContext>().SetResult(commit: false, ack: true);
        guard.Forced(key, messageId, reason);
        metrics.Forced();
        LogForced(logger, messageId, errorQueue, guard.Limit);
    }

    private static string MessageId(TransportMessage message) => message.Headers.GetValueOrDefault(Headers.MessageId) ?? "(none)";

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Delivery of message {MessageId} failed outside the retry step ({Escapes} of {Limit} in a row before it is forced to the error queue)")]
    private static partial void LogEscaped(ILogger logger, Exception exception, string messageId, int escapes, int limit);

    [LoggerMessage(Level = LogLevel.Error,
        Message = "Forced message {MessageId} to {ErrorQueue}: {Limit} deliveries in a row failed while their failure was being handled")]
    private static partial void LogForced(ILogger logger, string messageId, string errorQueue, int limit);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not force message {MessageId} to {ErrorQueue}; it goes back to the queue")]
    private static partial void LogMoveFailed(ILogger logger, Exception exception, string messageId, string errorQueue);
}
