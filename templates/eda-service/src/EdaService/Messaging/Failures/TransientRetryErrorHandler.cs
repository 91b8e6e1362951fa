using System.Globalization;
using Rebus.Bus;
using Rebus.Messages;
using Rebus.Retry;
using Rebus.Retry.FailFast;
using Rebus.Transport;

namespace EdaService.Messaging.Failures;

/// <summary>
/// Decorates Rebus's error handler. A message that used up its immediate attempts on a transient cause (the database
/// down, a timeout, a deadlock: <see cref="TransientFailures"/>) is sent back to the input queue to be tried again after
/// the next of <see cref="MessagingOptions.TransientRetryDelays"/>, with a fresh set of attempts, instead of going to the
/// error queue: a 30-second outage must not dead-letter the messages that arrived during it. Permanent failures, fail-fast
/// ones (validation) and a message whose delays are used up go on to the error queue as before. The deferred copy keeps
/// the message id, so idempotency still recognises it. Every attempt rolled its own unit of work back, so nothing of
/// the failed attempts is committed (Rebus's own second-level retries dispatch inside the failed delivery, where an outbox
/// can commit half of it: rebus-org/Rebus#1162).
/// </summary>
internal sealed partial class TransientRetryErrorHandler(
    IErrorHandler inner, ITransport transport, IFailFastChecker failFast, IReadOnlyList<TimeSpan> delays, TimeProvider clock, ILogger logger)
    : IErrorHandler
{
    /// <summary>How many delayed retries the message has had.</summary>
    public const string RetriesHeader = "eda-transient-retries";

    /// <summary>The transient failure that sent the message to its latest delayed retry.</summary>
    public const string ReasonHeader = "eda-transient-retry-reason";

    public async Task HandlePoisonMessage(TransportMessage transportMessage, ITransactionContext transactionContext, ExceptionInfo exception)
    {
        var failure = RecordFailureStep.LastFailure(transactionContext);
        var retries = Retries(transportMessage);
        var messageId = transportMessage.Headers.GetValueOrDefault(Headers.MessageId) ?? "";
        if (failure is null || retries >= delays.Count || failure is Rebus.Exceptions.IFailFastException
            || failFast.ShouldFailFast(messageId, failure) || !TransientFailures.IsTransient(failure))
        {
            await inner.HandlePoisonMessage(transportMessage, transactionContext, exception);
            return;
        }

        var delay = delays[retries];
        var retry = transportMessage.Clone();
        retry.Headers[RetriesHeader] = (retries + 1).ToString(CultureInfo.InvariantCulture);
        retry.Headers[ReasonHeader] = Describe(failure);
        retry.SetDeferHeaders(clock.GetUtcNow() + delay, transport.Address);

        // Its own transaction, committed before the failed delivery is acknowledged: a crash in between leaves the
        // message twice (the idempotent handler sees one), never not at all.
        using (var scope = new RebusTransactionScope())
        {
            await transport.Send(transport.Address, retry, scope.TransactionContext);
            await scope.CompleteAsync();
        }

        LogDeferred(logger, messageId, retries + 1, delays.Count, delay, Describe(failure));
    }

    private static int Retries(TransportMessage message) =>
        int.TryParse(message.Headers.GetValueOrDefault(RetriesHeader), NumberStyles.None, CultureInfo.InvariantCulture, out var retries) ? retries : 0;

    private static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= 300 ? text : text[..297] + "...";
    }

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Message {MessageId} failed on a transient cause; delayed retry {Retry} of {Retries} in {Delay} ({Failure})")]
    private static partial void LogDeferred(ILogger logger, string messageId, int retry, int retries, TimeSpan delay, string failure);
}
