using System.Diagnostics;
using Rebus.Messages;
using Rebus.Pipeline;

namespace EdaService.Observability;

/// <summary>
/// One consumer span per delivery attempt, continuing the producer's trace from the <c>traceparent</c> header, and the
/// handled/failed/duration metrics. It sits inside Rebus's retry step, so each attempt and its exception are seen.
/// </summary>
[StepDocumentation("Starts a consumer span per delivery attempt from the message's W3C trace context and records handling metrics.")]
internal sealed class TraceIncomingMessageStep(MessageHandlingMetrics metrics, string queue) : IIncomingStep
{
    public async Task Process(IncomingStepContext context, Func<Task> next)
    {
        var message = context.Load<TransportMessage>();
        var headers = message.Headers;
        var type = Telemetry.ShortTypeName(headers.GetValueOrDefault(Headers.Type));
        ActivityContext.TryParse(headers.GetValueOrDefault(Telemetry.TraceParentHeader), headers.GetValueOrDefault(Telemetry.TraceStateHeader),
            isRemote: true, out var parent);

        using var activity = Telemetry.Source.StartActivity($"process {type}", ActivityKind.Consumer, parent);
        activity?.SetTag("messaging.system", "rebus");
        activity?.SetTag("messaging.operation.type", "process");
        activity?.SetTag("messaging.destination.name", queue);
        activity?.SetTag("messaging.message.id", headers.GetValueOrDefault(Headers.MessageId));
        activity?.SetTag("messaging.message.conversation_id", headers.GetValueOrDefault(Headers.CorrelationId));
        activity?.SetTag(MessageHandlingMetrics.MessageTypeTag, type);

        var started = Stopwatch.GetTimestamp();
        try
        {
            await next();
            metrics.Handled(type, Stopwatch.GetElapsedTime(started));
        }
        catch (Exception exception)
        {
            metrics.Failed(type, exception, Stopwatch.GetElapsedTime(started));
            activity?.SetTag("error.type", exception.GetType().FullName);
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            throw;
        }
    }
}
