using Rebus.Messages;
using Rebus.Serialization;

namespace EdaTemplates.Soak.Downstream;

/// <summary>Hands every message to the handler of <see cref="RawEvent"/>, whatever its type; the downstream only reads.</summary>
internal sealed class RawSerializer : ISerializer
{
    public Task<TransportMessage> Serialize(Message message) =>
        throw new NotSupportedException("The soak's downstream consumer only receives.");

    public Task<Message> Deserialize(TransportMessage transportMessage) =>
        Task.FromResult(new Message(
            transportMessage.Headers,
            new RawEvent(transportMessage.Headers.GetValueOrDefault(Headers.Type) ?? "", transportMessage.Body)));
}
