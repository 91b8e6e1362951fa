using Rebus.Messages;
using Rebus.Pipeline;

namespace EdaService.Messaging.Envelope;

/// <summary>
/// Refuses a message whose headers break <see cref="EnvelopeRules"/> before anything reads them (with validation on,
/// validation has already rejected it, with a notice to the producer).
/// </summary>
[StepDocumentation("Refuses messages whose headers break the envelope rules.")]
internal sealed class EnvelopeCheckStep : IIncomingStep
{
    public Task Process(IncomingStepContext context, Func<Task> next)
    {
        var reasons = new List<string>();
        EnvelopeRules.Check(context.Load<TransportMessage>().Headers, reasons);
        return reasons.Count == 0 ? next() : throw new InvalidEnvelopeException(reasons);
    }
}
