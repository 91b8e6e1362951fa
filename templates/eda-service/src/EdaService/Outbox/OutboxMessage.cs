using Rebus.Messages;
using Rebus.Serialization;

namespace EdaService.Outbox;

/// <summary>
/// A row of Rebus's outbox table, in the format its forwarder reads (headers as Rebus's JSON, the body as sent; the
/// columns left out keep their defaults, as when Rebus inserts the row inside a handler).
/// Mapped in EF Core so the unit of work writes it in the same batch as the business rows: one round trip, not two.
/// </summary>
internal sealed class OutboxMessage
{
    private static readonly HeaderSerializer Headers = new();

    // Kept for OutboxDispatcher, which sends the message from memory once its row is committed; not mapped.
    private TransportMessage? _message;

    public long Id { get; private set; }

    public string DestinationAddress { get; private init; } = "";

    public string? SerializedHeaders { get; private init; }

    public byte[]? Body { get; private init; }

    public static OutboxMessage From(string destinationAddress, TransportMessage message) => new()
    {
        DestinationAddress = destinationAddress,
        SerializedHeaders = Headers.SerializeToString(message.Headers),
        Body = message.Body,
        _message = message,
    };

    /// <summary>The message as the service sent it (only on rows this process staged).</summary>
    public TransportMessage ToTransportMessage() =>
        _message ?? throw new InvalidOperationException("Only a row staged by this process carries its message; the forwarder sends the others.");
}
