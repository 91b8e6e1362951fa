using System.Diagnostics.Metrics;

namespace EdaService.Observability;

/// <summary>
/// The outbox's unsent rows as two gauges: how many, and how old the oldest is. A growing lag means the forwarder
/// cannot send (broker down, permissions): the data committed, its events have not left yet.
/// </summary>
internal sealed class OutboxBacklog
{
    public const string PendingInstrument = "eda.outbox.pending";
    public const string LagInstrument = "eda.outbox.lag";

    private readonly TimeProvider _clock;
    private volatile Snapshot _latest = new(0, null);

    public OutboxBacklog(IMeterFactory meters, TimeProvider clock)
    {
        _clock = clock;
        var meter = meters.Create(Telemetry.MeterName);
        meter.CreateObservableGauge(PendingInstrument, () => _latest.Pending, unit: "{message}",
            description: "Outbox rows not yet sent, as of the last poll (Observability:OutboxBacklog:PollInterval).");
        meter.CreateObservableGauge(LagInstrument, () => Lag.TotalSeconds, unit: "s",
            description: "Age of the oldest unsent outbox row; 0 when the outbox is empty.");
    }

    /// <summary>Age of the oldest unsent row now; it keeps growing between polls while that row stays unsent.</summary>
    public TimeSpan Lag =>
        _latest.OldestCreatedAt is { } oldest && _clock.GetUtcNow() > oldest ? _clock.GetUtcNow() - oldest : TimeSpan.Zero;

    public long Pending => _latest.Pending;

    public void Update(long pending, DateTimeOffset? oldestCreatedAt) => _latest = new Snapshot(pending, oldestCreatedAt);

    private sealed record Snapshot(long Pending, DateTimeOffset? OldestCreatedAt);
}
