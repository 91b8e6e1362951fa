using Rebus.Pipeline;
using Rebus.Transport;

namespace EdaService.Messaging.Failures;

/// <summary>
/// Just inside Rebus's retry step: keeps the exception of the attempt that failed in the delivery's transaction context.
/// Rebus hands its error handler only a text summary of the failures, and the error handler needs the exception itself
/// to tell a transient cause (<see cref="TransientRetryErrorHandler"/>) from a permanent one.
/// </summary>
[StepDocumentation("Keeps the failed attempt's exception for the error handler.")]
internal sealed class RecordFailureStep : IIncomingStep
{
    private const string Key = "eda-last-failure";

    public async Task Process(IncomingStepContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        catch (Exception exception)
        {
            context.Load<ITransactionContext>().Items[Key] = exception;
            throw;
        }
    }

    /// <summary>The exception of this delivery's failed attempt; null when none failed in it (e.g. a native delivery count ran out).</summary>
    public static Exception? LastFailure(ITransactionContext context) =>
        context.Items.TryGetValue(Key, out var failure) ? failure as Exception : null;
}
