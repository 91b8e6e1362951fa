using Rebus.Exceptions;

namespace EdaService.Messaging.Envelope;

/// <summary>
/// A message whose headers break <see cref="EnvelopeRules"/>, or whose body cannot be read as its type. Fails fast: a
/// redelivery carries the same bytes. A producer's fault, so the kill switch does not count it.
/// </summary>
public sealed class InvalidEnvelopeException(IReadOnlyList<string> reasons, Exception? innerException = null)
    : Exception($"The message was refused: {string.Join("; ", reasons)}", innerException), IFailFastException
{
    public IReadOnlyList<string> Reasons { get; } = reasons;
}
