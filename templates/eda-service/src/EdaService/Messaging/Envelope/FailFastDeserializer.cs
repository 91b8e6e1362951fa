using Rebus.Messages;
using Rebus.Serialization;

namespace EdaService.Messaging.Envelope;

/// <summary>
/// Decorates Rebus's serializer: a body that cannot be deserialized (not JSON, not UTF-8, an unknown type, JSON null, a
/// number too large for its field) fails fast to the error queue with the reason, instead of being retried with the
/// same bytes until the attempts run out.
/// </summary>
internal sealed class FailFastDeserializer(ISerializer inner) : ISerializer
{
    public Task<TransportMessage> Serialize(Message message) => inner.Serialize(message);

    public async Task<Message> Deserialize(TransportMessage transportMessage)
    {
        Message message;
        try
        {
            message = await inner.Deserialize(transportMessage);
        }
        catch (Exception exception)
        {
            throw new InvalidEnvelopeException([$"body: could not be deserialized ({EnvelopeRules.Quote(exception.Message, 300)})"], exception);
        }

        return message.Body is null
            ? throw new InvalidEnvelopeException(["body: JSON null is not a message"])
            : message;
    }
}
