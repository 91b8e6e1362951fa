using System.Text;
using System.Text.Json;
using Rebus.Messages;

namespace EdaService.Idempotency;

/// <summary>One row of the processed-messages log: what arrived, for which handler, and when.</summary>
internal sealed record ProcessedMessage(
    string MessageId, string Operation, string? MessageType, string Payload, string Headers, DateTimeOffset ReceivedAt)
{
    public static ProcessedMessage From(TransportMessage message, string operation, DateTimeOffset receivedAt, IEnumerable<string> recordedHeaders)
    {
        var messageId = message.Headers.GetValueOrDefault(Rebus.Messages.Headers.MessageId)
                        ?? throw new InvalidOperationException($"The message has no {Rebus.Messages.Headers.MessageId} header, so it cannot be de-duplicated.");
        var headers = recordedHeaders
            .Where(message.Headers.ContainsKey)
            .ToDictionary(header => header, header => message.Headers[header]);
        return new ProcessedMessage(
            messageId,
            operation,
            message.Headers.GetValueOrDefault(Rebus.Messages.Headers.Type),
            Encoding.UTF8.GetString(message.Body),
            JsonSerializer.Serialize(headers),
            receivedAt.ToUniversalTime());
    }
}
