using Rebus.Exceptions;

namespace EdaService.Validation;

/// <summary>
/// An incoming message broke its schema. Fails fast: a redelivery carries the same bytes, so retries only delay the
/// error queue. It marks a producer's fault, not this service's: a kill switch that counts failures must skip it, or
/// one producer's bad batch would stop the consumption of good messages.
/// </summary>
public sealed class MessageRejectedException(string messageId, string messageType, IReadOnlyList<string> reasons)
    : Exception($"Message {messageId} ({messageType}) was rejected: {string.Join("; ", reasons)}"), IFailFastException
{
    public string MessageId { get; } = messageId;

    public string MessageType { get; } = messageType;

    public IReadOnlyList<string> Reasons { get; } = reasons;
}
