using System.Diagnostics;
using System.Diagnostics.Metrics;
using EdaService.Observability;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace EdaService.UnitTests.Observability;

/// <summary>
/// The service's OpenTelemetry setup (<see cref="ObservabilityServiceExtensions.AddObservability"/>) with in-memory
/// exporters added. Metrics are limited to meters created by this capture's own container, so instruments of other
/// tests running in parallel (same meter name) cannot leak in.
/// </summary>
internal sealed class TelemetryCapture : IDisposable
{
    private readonly List<Activity> _spans = [];
    private readonly List<MetricSnapshot> _metrics = [];
    private readonly TracerProvider _tracer;
    private readonly MeterProvider _meter;

    public TelemetryCapture()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddLogging().AddSingleton(TimeProvider.System);
        builder.AddObservability();
        builder.Services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(_spans));
        builder.Services.ConfigureOpenTelemetryMeterProvider(metrics => metrics.AddInMemoryExporter(_metrics));
        builder.Services.ConfigureOpenTelemetryMeterProvider((services, metrics) =>
        {
            var ownMeters = services.GetRequiredService<IMeterFactory>();
            metrics.AddView(instrument => ReferenceEquals(instrument.Meter.Scope, ownMeters) ? null : MetricStreamConfiguration.Drop);
        });
        Services = builder.Services.BuildServiceProvider();
        _tracer = Services.GetRequiredService<TracerProvider>();
        _meter = Services.GetRequiredService<MeterProvider>();
    }

    public ServiceProvider Services { get; }

    public IReadOnlyList<Activity> Spans()
    {
        _tracer.ForceFlush();
        lock (_spans)
        {
            return [.. _spans];
        }
    }

    /// <summary>The points of <paramref name="instrument"/> as of now (cumulative).</summary>
    public IReadOnlyList<MetricPoint> Points(string instrument)
    {
        lock (_metrics)
        {
            _metrics.Clear();
            _meter.ForceFlush();
            return _metrics.Where(m => m.Name == instrument).SelectMany(m => m.MetricPoints).ToList();
        }
    }

    public static bool HasTag(MetricPoint point, string key, object value)
    {
        foreach (var tag in point.Tags)
        {
            if (tag.Key == key && Equals(tag.Value, value))
            {
                return true;
            }
        }

        return false;
    }

    public void Dispose() => Services.Dispose();
}
