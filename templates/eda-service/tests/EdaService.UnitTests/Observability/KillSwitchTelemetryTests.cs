using System.Diagnostics.Metrics;
using EdaService.KillSwitch;
using EdaService.UnitTests.KillSwitch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace EdaService.UnitTests.Observability;

/// <summary>The kill switch's existing gauge reaches the exporter through the service's OpenTelemetry setup.</summary>
public sealed class KillSwitchTelemetryTests
{
    [Fact]
    public void The_state_gauge_is_exported_and_follows_a_trip_and_a_reset()
    {
        using var telemetry = new TelemetryCapture();
        var killSwitch = KillSwitchFactory.Create(new FakeTimeProvider(), meters: telemetry.Services.GetRequiredService<IMeterFactory>());

        Assert.Equal((long)KillSwitchState.Closed, State());
        killSwitch.Trip("test");
        Assert.Equal((long)KillSwitchState.Open, State());
        killSwitch.Reset();
        Assert.Equal((long)KillSwitchState.Closed, State());

        long State() => Assert.Single(telemetry.Points(KillSwitchMetrics.StateInstrument)).GetGaugeLastValueLong();
    }
}
