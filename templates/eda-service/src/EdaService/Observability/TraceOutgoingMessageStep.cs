using System.Diagnostics;
using Rebus.Messages;
using Rebus.Pipeline;

namespace EdaService.Observability;

/// <summary>
/// A producer span per sent or published message, its W3C trace context written into the message's headers, so the
/// consumer's span (here or in another service) joins the same trace. The header is written when the message is
/// published, so it survives the outbox: the dispatcher and the forwarder send the headers stored with the message.
/// </summary>
[StepDocumentation("Starts a producer span and carries its W3C trace context in the traceparent/tracestate headers.")]
internal sealed class TraceOutgoingMessageStep : IOutgoingStep
{
    public async Task Process(OutgoingStepContext context, Func<Task> next)
    {
        var message = context.Load<Message>();
        var type = message.Body?.GetType().Name ?? "unknown";
        using var activity = Telemetry.Source.StartActivity($"send {type}", ActivityKind.Producer);
        activity?.SetTag("messaging.system", "rebus");
        activity?.SetTag("messaging.operation.type", "send");
        activity?.SetTag("messaging.message.id", message.Headers.GetValueOrDefault(Headers.MessageId));
        activity?.SetTag(MessageHandlingMetrics.MessageTypeTag, type);

        // Without a listener there is no span of our own; the ambient one (e.g. the handler's) still links the trace.
        var current = activity ?? Activity.Current;
        if (current is { IdFormat: ActivityIdFormat.W3C, Id: not null } && !message.Headers.ContainsKey(Telemetry.TraceParentHeader))
        {
            message.Headers[Telemetry.TraceParentHeader] = current.Id;
            if (!string.IsNullOrEmpty(current.TraceStateString))
            {
                message.Headers[Telemetry.TraceStateHeader] = current.TraceStateString;
            }
        }

        await next();
    }
}
