using System.Diagnostics.Metrics;

namespace EdaService.KillSwitch;

/// <summary>The switch's state as a gauge and its trips as a counter, on a meter named after the service, so an alert fires on a stopped consumer.</summary>
internal sealed class KillSwitchMetrics
{
    public const string MeterName = "EdaService";
    public const string StateInstrument = "eda.kill_switch.state";
    public const string TripsInstrument = "eda.kill_switch.trips";

    private readonly Counter<long> _trips;

    public KillSwitchMetrics(IMeterFactory meters, Func<KillSwitchState> state)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge(StateInstrument, () => (int)state(), unit: "{state}",
            description: "Kill switch state: 0 closed (consuming), 1 half-open (one probe message), 2 open (consumption stopped).");
        _trips = meter.CreateCounter<long>(TripsInstrument, unit: "{trip}",
            description: "Times the kill switch opened, by trigger (failure_count, failure_rate, probe_failed, operator).");
    }

    public void Tripped(string trigger) => _trips.Add(1, new KeyValuePair<string, object?>("trigger", trigger));
}
