using Rebus.Exceptions;

namespace EdaService.Validation;

/// <summary>
/// This service tried to send a message its consumers would reject: a bug here, not bad input, so it is not a
/// <see cref="MessageRejectedException"/> and no producer is notified. Fails fast: the same input builds the same message.
/// </summary>
public sealed class InvalidOutgoingMessageException(string messageType, IReadOnlyList<string> reasons)
    : Exception($"Outgoing {messageType} would be rejected by its consumers, so it was not sent: {string.Join("; ", reasons)}"), IFailFastException
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
