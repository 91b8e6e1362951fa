using System.Diagnostics.Metrics;
using EdaService.KillSwitch;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace EdaService.UnitTests.KillSwitch;

public sealed class KillSwitchStateMachineTests
{
    private static readonly Exception Failure = new InvalidOperationException("database unavailable");

    private readonly FakeTimeProvider _clock = new();

    [Fact]
    public void Failures_from_the_first_message_trip_it_at_the_threshold_and_not_before()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);

        Fail(killSwitch, 9);
        Assert.Equal(KillSwitchState.Closed, killSwitch.State);

        Fail(killSwitch, 1);
        var status = killSwitch.Status;
        Assert.Equal(KillSwitchState.Open, status.State);
        Assert.Contains("10 failed delivery attempts", status.Reason);
        Assert.Contains("database unavailable", status.Reason);
        Assert.False(status.ByOperator);
        Assert.Equal(_clock.GetUtcNow() + TimeSpan.FromSeconds(30), status.ProbeAt);
        Assert.Equal(AdmissionKind.Refuse, killSwitch.Admit().Kind);
    }

    [Fact]
    public void A_trickle_of_failures_among_successes_at_low_volume_trips_it()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);

        for (var i = 1; i <= 10; i++)
        {
            Succeed(killSwitch, 3);
            Fail(killSwitch, 1);
            _clock.Advance(TimeSpan.FromSeconds(4));
            Assert.Equal(i < 10 ? KillSwitchState.Closed : KillSwitchState.Open, killSwitch.State);
        }
    }

    [Fact]
    public void Failures_older_than_the_window_are_forgotten()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);

        Fail(killSwitch, 9);
        _clock.Advance(TimeSpan.FromMinutes(1) + TimeSpan.FromSeconds(6));
        Fail(killSwitch, 9);

        Assert.Equal(KillSwitchState.Closed, killSwitch.State);
    }

    [Fact]
    public void At_high_volume_failures_among_successes_are_judged_by_their_rate()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);
        Succeed(killSwitch, 150);

        // Two failures, then a success: never a run of 10, so only the rate can trip it.
        var failures = 0;
        while (killSwitch.State == KillSwitchState.Closed)
        {
            Fail(killSwitch, 1);
            failures++;
            if (failures % 2 == 0 && killSwitch.State == KillSwitchState.Closed)
            {
                Succeed(killSwitch, 1);
            }
        }

        Assert.Equal(298, failures);
        Assert.Contains("298 of 596 delivery attempts failed", killSwitch.Status.Reason);
    }

    [Fact]
    public void At_high_volume_a_run_of_failures_trips_it_long_before_the_rate_would()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);
        Succeed(killSwitch, 1_000);

        Fail(killSwitch, 9);
        Succeed(killSwitch, 1);
        Fail(killSwitch, 9);
        Assert.Equal(KillSwitchState.Closed, killSwitch.State);

        Fail(killSwitch, 1);
        Assert.Equal(KillSwitchState.Open, killSwitch.State);
        Assert.Contains("10 delivery attempts failed in a row", killSwitch.Status.Reason);
    }

    [Fact]
    public void After_the_cool_down_one_message_probes_and_the_others_wait()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);
        Fail(killSwitch, 10);

        _clock.Advance(TimeSpan.FromSeconds(30) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(AdmissionKind.Refuse, killSwitch.Admit().Kind);

        _clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(KillSwitchState.HalfOpen, killSwitch.State);
        Assert.Equal(AdmissionKind.Probe, killSwitch.Admit().Kind);
        var waiting = killSwitch.Admit();
        Assert.Equal(AdmissionKind.Wait, waiting.Kind);
        Assert.False(waiting.Verdict!.IsCompleted);
    }

    [Fact]
    public async Task A_successful_probe_closes_it_and_lets_the_waiting_messages_through()
    {
        var killSwitch = HalfOpenSwitch();
        var probe = killSwitch.Admit();
        var waiting = killSwitch.Admit();

        killSwitch.RecordSuccess(probe);

        Assert.Equal(KillSwitchState.Closed, killSwitch.State);
        await waiting.Verdict!.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(AdmissionKind.Pass, killSwitch.Admit().Kind);

        // The failures that tripped it are forgotten: it takes a full threshold again.
        Fail(killSwitch, 9);
        Assert.Equal(KillSwitchState.Closed, killSwitch.State);
    }

    [Fact]
    public async Task A_failed_probe_lets_a_second_message_probe_and_its_failure_opens_it_again_for_another_cool_down()
    {
        var killSwitch = HalfOpenSwitch();
        var probe = killSwitch.Admit();
        var waiting = killSwitch.Admit();

        killSwitch.RecordFailure(probe, Failure);

        // Still half-open: the failed probe is held and the waiting message becomes the second probe.
        Assert.Equal(KillSwitchState.HalfOpen, killSwitch.State);
        var held = killSwitch.SecondProbeVerdict(probe);
        Assert.False(held.IsCompleted);
        await waiting.Verdict!.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var second = killSwitch.Admit();
        Assert.Equal(AdmissionKind.Probe, second.Kind);
        var third = killSwitch.Admit();
        Assert.Equal(AdmissionKind.Wait, third.Kind);

        killSwitch.RecordFailure(second, Failure);

        Assert.Equal(KillSwitchState.Open, killSwitch.State);
        Assert.Contains("probe message and a second one failed", killSwitch.Status.Reason);
        await held.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await third.Verdict!.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(AdmissionKind.Refuse, killSwitch.Admit().Kind);

        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(KillSwitchState.HalfOpen, killSwitch.State);
        Assert.Equal(AdmissionKind.Probe, killSwitch.Admit().Kind);
    }

    [Fact]
    public async Task A_failed_probe_then_a_successful_second_one_closes_it()
    {
        var killSwitch = HalfOpenSwitch();
        var probe = killSwitch.Admit();
        killSwitch.RecordFailure(probe, Failure);
        var held = killSwitch.SecondProbeVerdict(probe);

        killSwitch.RecordSuccess(killSwitch.Admit());

        Assert.Equal(KillSwitchState.Closed, killSwitch.State);
        await held.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(AdmissionKind.Pass, killSwitch.Admit().Kind);
    }

    [Fact]
    public void A_failed_probe_with_no_second_message_opens_it_again()
    {
        var killSwitch = HalfOpenSwitch();
        var probe = killSwitch.Admit();
        killSwitch.RecordFailure(probe, Failure);

        killSwitch.NoSecondProbe(probe, TimeSpan.FromSeconds(5));

        Assert.Equal(KillSwitchState.Open, killSwitch.State);
        Assert.Contains("no second message came within 00:00:05", killSwitch.Status.Reason);
        Assert.True(killSwitch.SecondProbeVerdict(probe).IsCompleted);
    }

    [Fact]
    public async Task A_probe_that_ends_without_a_verdict_passes_the_probe_on()
    {
        var killSwitch = HalfOpenSwitch();
        var probe = killSwitch.Admit();
        var waiting = killSwitch.Admit();

        killSwitch.Release(probe);

        await waiting.Verdict!.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        Assert.Equal(KillSwitchState.HalfOpen, killSwitch.State);
        Assert.Equal(AdmissionKind.Probe, killSwitch.Admit().Kind);
    }

    [Fact]
    public void Outcomes_of_messages_admitted_before_the_trip_do_not_decide_the_probe()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);
        var admittedWhileClosed = killSwitch.Admit();
        Fail(killSwitch, 10);
        _clock.Advance(TimeSpan.FromSeconds(30));
        var probe = killSwitch.Admit();

        killSwitch.RecordSuccess(admittedWhileClosed);
        killSwitch.Release(admittedWhileClosed);

        Assert.Equal(KillSwitchState.HalfOpen, killSwitch.State);
        killSwitch.RecordSuccess(probe);
        Assert.Equal(KillSwitchState.Closed, killSwitch.State);
    }

    [Fact]
    public void An_operator_trip_holds_it_open_past_the_cool_down_until_reset()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);

        killSwitch.Trip("INC-42: payment provider down");
        _clock.Advance(TimeSpan.FromMinutes(10));

        var status = killSwitch.Status;
        Assert.Equal(KillSwitchState.Open, status.State);
        Assert.True(status.ByOperator);
        Assert.Null(status.ProbeAt);
        Assert.Equal("INC-42: payment provider down", status.Reason);

        killSwitch.Reset();
        Assert.Equal(KillSwitchState.Closed, killSwitch.State);
        Assert.Equal(AdmissionKind.Pass, killSwitch.Admit().Kind);
    }

    [Fact]
    public void An_operator_trip_of_an_automatically_opened_switch_cancels_its_probe()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);
        Fail(killSwitch, 10);

        killSwitch.Trip("investigating");
        _clock.Advance(TimeSpan.FromMinutes(1));

        Assert.Equal(KillSwitchState.Open, killSwitch.State);
        Assert.True(killSwitch.Status.ByOperator);
    }

    [Fact]
    public void Reset_forgets_counted_failures()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);
        Fail(killSwitch, 9);

        killSwitch.Reset();
        Fail(killSwitch, 9);

        Assert.Equal(KillSwitchState.Closed, killSwitch.State);
    }

    [Fact]
    public void Every_transition_is_logged_with_its_states_and_trigger()
    {
        var logger = new CapturingLogger<KillSwitchStateMachine>();
        var killSwitch = KillSwitchFactory.Create(_clock, logger: logger);

        Fail(killSwitch, 10);
        _clock.Advance(TimeSpan.FromSeconds(30));
        killSwitch.RecordSuccess(killSwitch.Admit());

        Assert.Equal(
            [("Closed", "Open", "failure_count", LogLevel.Warning), ("Open", "HalfOpen", "cool_down", LogLevel.Information),
             ("HalfOpen", "Closed", "probe_succeeded", LogLevel.Information)],
            logger.Entries.Select(e => (e.Values["From"]!.ToString(), e.Values["To"]!.ToString(), (string)e.Values["Trigger"]!, e.Level)));
        Assert.All(logger.Entries, e => Assert.False(string.IsNullOrEmpty((string?)e.Values["Reason"])));
    }

    [Fact]
    public void State_and_trips_are_published_on_the_services_meter()
    {
        var meters = KillSwitchFactory.NewMeterFactory();
        var killSwitch = KillSwitchFactory.Create(_clock, meters: meters);
        var gauge = new List<int>();
        var trips = new List<(long Value, string? Trigger)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == KillSwitchMetrics.MeterName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<int>((instrument, value, _, _) =>
        {
            if (instrument.Name == KillSwitchMetrics.StateInstrument)
            {
                gauge.Add(value);
            }
        });
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            if (instrument.Name == KillSwitchMetrics.TripsInstrument)
            {
                trips.Add((value, tags.ToArray().Single(t => t.Key == "trigger").Value as string));
            }
        });
        listener.Start();

        listener.RecordObservableInstruments();
        Fail(killSwitch, 10);
        listener.RecordObservableInstruments();
        _clock.Advance(TimeSpan.FromSeconds(30));
        listener.RecordObservableInstruments();
        killSwitch.RecordFailure(killSwitch.Admit(), Failure);
        killSwitch.RecordFailure(killSwitch.Admit(), Failure);

        Assert.Equal([0, 2, 1], gauge);
        Assert.Equal([(1L, "failure_count"), (1L, "probe_failed")], trips);
    }

    /// <summary>Tripped by 10 failures, then past its 30 s cool-down: half-open, no probe admitted yet.</summary>
    private KillSwitchStateMachine HalfOpenSwitch()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);
        Fail(killSwitch, 10);
        _clock.Advance(TimeSpan.FromSeconds(30));
        return killSwitch;
    }

    [Fact]
    public void A_trickle_of_connection_failures_trips_it_at_the_connection_threshold()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);
        var refused = new InvalidOperationException("handler", new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused));

        for (var i = 1; i <= 5; i++)
        {
            var admission = killSwitch.Admit();
            killSwitch.RecordFailure(admission, refused);
            killSwitch.Release(admission);
            _clock.Advance(TimeSpan.FromSeconds(2));
            Assert.Equal(i < 5 ? KillSwitchState.Closed : KillSwitchState.Open, killSwitch.State);
        }

        Assert.Contains("5 connection failures in a row", killSwitch.Status.Reason);
    }

    [Fact]
    public void A_success_between_connection_failures_restarts_their_run()
    {
        var killSwitch = KillSwitchFactory.Create(_clock);
        var refused = new System.Net.Sockets.SocketException((int)System.Net.Sockets.SocketError.ConnectionRefused);

        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < 4; i++)
            {
                var admission = killSwitch.Admit();
                killSwitch.RecordFailure(admission, refused);
                killSwitch.Release(admission);
            }

            Succeed(killSwitch, 1);
            _clock.Advance(TimeSpan.FromMinutes(2));
        }

        Assert.Equal(KillSwitchState.Closed, killSwitch.State);
    }

    private static void Fail(KillSwitchStateMachine killSwitch, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var admission = killSwitch.Admit();
            killSwitch.RecordFailure(admission, Failure);
            killSwitch.Release(admission);
        }
    }

    private static void Succeed(KillSwitchStateMachine killSwitch, int times)
    {
        for (var i = 0; i < times; i++)
        {
            var admission = killSwitch.Admit();
            killSwitch.RecordSuccess(admission);
            killSwitch.Release(admission);
        }
    }
}
