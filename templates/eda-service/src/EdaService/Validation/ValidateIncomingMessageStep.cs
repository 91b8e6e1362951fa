using EdaService.Messaging.Envelope;
using Rebus.Messages;
using Rebus.Pipeline;
using Rebus.Transport;

namespace EdaService.Validation;

/// <summary>
/// Checks every received message before Rebus deserializes it, while the raw JSON still shows what the producer sent.
/// A message that breaks its schema fails with <see cref="MessageRejectedException"/>: no retries, error queue.
/// </summary>
internal sealed class ValidateIncomingMessageStep(MessageValidator validator) : IIncomingStep
{
    /// <summary>Transaction item holding the rejection: Rebus gives the error handler only a text summary of the exception.</summary>
    public const string RejectionKey = "eda-validation-rejection";

    public Task Process(IncomingStepContext context, Func<Task> next)
    {
        var message = context.Load<TransportMessage>();
        var reasons = validator.Validate(message);
        if (reasons.Count == 0)
        {
            return next();
        }

        // Quoted: the notice repeats the id and type to the producer, and must not carry what made them bad.
        var rejection = new MessageRejectedException(
            EnvelopeRules.Quote(message.Headers.GetValueOrDefault(Headers.MessageId), EnvelopeRules.MaxIdLength),
            EnvelopeRules.Quote(message.Headers.GetValueOrDefault(Headers.Type), EnvelopeRules.MaxHeaderLength),
            reasons);
        context.Load<ITransactionContext>().Items[RejectionKey] = rejection;
        throw rejection;
    }
}
