using EdaService.Messaging;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace EdaService.Observability;

public static class ObservabilityServiceExtensions
{
    /// <summary>The standard OpenTelemetry variable: export over OTLP when it is set, and nowhere when it is not.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    /// <summary>
    /// OpenTelemetry traces (a span per handled and per sent message, joined across services by the traceparent header,
    /// plus database calls) and metrics (handled/failed/duration, outbox backlog, the kill switch's state).
    /// </summary>
    public static IHostApplicationBuilder AddObservability(this IHostApplicationBuilder builder)
    {
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<MessageHandlingMetrics>();
        builder.Services.AddSingleton(new ConfigureRebus(ObservabilityPipeline.Configure));
#if (UseOutbox)
        builder.Services.AddOptions<OutboxBacklogOptions>().BindConfiguration(OutboxBacklogOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<OutboxBacklogOptions>, OutboxBacklogOptionsValidator>();
        builder.Services.AddSingleton<OutboxBacklog>();
        builder.Services.AddSingleton<OutboxBacklogMonitor>();
        builder.Services.AddHostedService(services => services.GetRequiredService<OutboxBacklogMonitor>());
#endif

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(Telemetry.SourceName))
            .WithTracing(tracing => tracing.AddSource(Telemetry.SourceName).AddDatabaseInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(Telemetry.MeterName));
        if (!string.IsNullOrWhiteSpace(builder.Configuration[OtlpEndpointVariable]))
        {
            // Reads OTEL_EXPORTER_OTLP_ENDPOINT, _PROTOCOL, _HEADERS, OTEL_SERVICE_NAME, ... from configuration.
            telemetry.UseOtlpExporter();
        }

        return builder;
    }
}
