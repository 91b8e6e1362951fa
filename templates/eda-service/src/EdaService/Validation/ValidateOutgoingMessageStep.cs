using Rebus.Messages;
using Rebus.Pipeline;

namespace EdaService.Validation;

/// <summary>
/// Checks every message this service sends or publishes, after serialization, with the check its consumers run: a bug
/// that builds an invalid event fails the handler (inside its transaction) instead of poisoning every consumer.
/// </summary>
internal sealed class ValidateOutgoingMessageStep(MessageValidator validator) : IOutgoingStep
{
    public Task Process(OutgoingStepContext context, Func<Task> next)
    {
        var message = context.Load<TransportMessage>();
        var reasons = validator.Validate(message);
        if (reasons.Count > 0)
        {
            throw new InvalidOutgoingMessageException(message.Headers.GetValueOrDefault(Headers.Type) ?? "(no type)", reasons);
        }

        return next();
    }
}
