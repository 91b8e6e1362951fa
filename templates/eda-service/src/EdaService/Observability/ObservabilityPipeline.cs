using Rebus.Config;
using Rebus.Pipeline;
using Rebus.Pipeline.Send;
using Rebus.Retry.Simple;
using Rebus.Transport;

namespace EdaService.Observability;

/// <summary>
/// Rebus 8 has no ActivitySource of its own: these steps trace and measure message handling. The incoming step goes just
/// inside the retry step (one span per attempt); the outgoing one before serialization, while headers can still change.
/// </summary>
internal static class ObservabilityPipeline
{
    public static void Configure(RebusConfigurer rebus, IServiceProvider services)
    {
        var metrics = services.GetRequiredService<MessageHandlingMetrics>();
        rebus.Options(o => o.Decorate<IPipeline>(c => new PipelineStepInjector(c.Get<IPipeline>())
            .OnReceive(new TraceIncomingMessageStep(metrics, c.Get<ITransport>().Address ?? "one-way"),
                PipelineRelativePosition.After, typeof(DefaultRetryStep))
            .OnSend(new TraceOutgoingMessageStep(), PipelineRelativePosition.Before, typeof(SerializeOutgoingMessageStep))));
    }
}
