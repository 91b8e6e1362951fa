using System.Diagnostics.Metrics;
using EdaService.Messaging.Failures;
using Microsoft.Extensions.Options;

namespace EdaService.KillSwitch;

/// <summary>
/// Closed -> Open when failures pile up (count at low volume, rate at high volume, a run of failures at any volume);
/// Open -> HalfOpen after the cool-down; HalfOpen -> Closed when the probe message succeeds. When the probe fails, a
/// second message probes while the first is held: its failure (an outage) re-opens the switch, its success (the first
/// was poison) closes it, and no second message within the wait re-opens it too. An operator's trip holds it open until
/// reset. Every transition is logged, counted and announced through <see cref="Transitioned"/>, whose handlers run under
/// the lock and must only signal.
/// </summary>
internal sealed partial class KillSwitchStateMachine : IKillSwitch, IDisposable
{
    private readonly Lock _lock = new();
    private readonly KillSwitchOptions _options;
    private readonly TimeProvider _clock;
    private readonly ILogger _logger;
    private readonly KillSwitchMetrics _metrics;
    private readonly FailureWindow _window;
    private readonly TripRule _rule;
    private int _failuresInARow;
    private int _connectionFailuresInARow;
    private volatile KillSwitchStatus _status;
    private ITimer? _coolDown;
    private long _generation;
    private long _probeNumber;
    private bool _probeInFlight;
    private long _heldProbe;
    private TaskCompletionSource _verdict = NewVerdict();
    private TaskCompletionSource _confirmation = NewVerdict();

    public KillSwitchStateMachine(
        IOptions<KillSwitchOptions> options, TimeProvider clock, ILogger<KillSwitchStateMachine> logger, IMeterFactory meters)
    {
        _options = options.Value;
        _clock = clock;
        _logger = logger;
        _window = new FailureWindow(_options.Window);
        _rule = new TripRule(_options);
        _status = new KillSwitchStatus(KillSwitchState.Closed, clock.GetUtcNow(), "started", ByOperator: false, ProbeAt: null);
        _metrics = new KillSwitchMetrics(meters, () => _status.State);
    }

    public event Action<KillSwitchTransition>? Transitioned;

    public KillSwitchStatus Status => _status;

    public KillSwitchState State => _status.State;

    /// <summary>Decides what the gate does with a delivery. Lock-free while closed.</summary>
    public Admission Admit()
    {
        if (_status.State == KillSwitchState.Closed)
        {
            return Admission.Pass;
        }

        lock (_lock)
        {
            switch (_status.State)
            {
                case KillSwitchState.Closed:
                    return Admission.Pass;
                case KillSwitchState.Open:
                    return Admission.Refuse;
                default:
                    if (_probeInFlight)
                    {
                        return new Admission(AdmissionKind.Wait, Verdict: _verdict.Task);
                    }

                    _probeInFlight = true;
                    return new Admission(AdmissionKind.Probe, ++_probeNumber);
            }
        }
    }

    public void RecordSuccess(Admission admission)
    {
        lock (_lock)
        {
            if (IsCurrentProbe(admission))
            {
                Close("probe_succeeded", "the probe message was handled: consumption resumes");
            }
            else if (admission.Kind == AdmissionKind.Pass && _status.State == KillSwitchState.Closed)
            {
                _window.Record(_clock.GetUtcNow(), failed: false);
                _failuresInARow = 0;
                _connectionFailuresInARow = 0;
            }
        }
    }

    public void RecordFailure(Admission admission, Exception exception)
    {
        lock (_lock)
        {
            var now = _clock.GetUtcNow();
            if (IsCurrentProbe(admission))
            {
                if (_heldProbe != 0)
                {
                    Open(now, "probe_failed", $"the probe message and a second one failed: {Describe(exception)}", byOperator: false);
                    return;
                }

                // One failed probe cannot tell an outage from a poison message at the head of the queue: a second
                // message decides, while the first is held (so the transport hands out another one).
                _heldProbe = admission.ProbeNumber;
                _probeInFlight = false;
                SettleVerdict();
                LogSecondProbe(_logger, Describe(exception));
                return;
            }

            // Outcomes of messages admitted before the switch opened say nothing new.
            if (admission.Kind != AdmissionKind.Pass || _status.State != KillSwitchState.Closed)
            {
                return;
            }

            _window.Record(now, failed: true);
            _failuresInARow++;
            if (TransientFailures.IsConnectionFailure(exception))
            {
                _connectionFailuresInARow++;
            }

            var (attempts, failures) = _window.Totals(now);
            if (_rule.Evaluate(attempts, failures, _failuresInARow, _connectionFailuresInARow) is { } trip)
            {
                Open(now, trip.Trigger, $"{trip.Reason}; last: {Describe(exception)}", byOperator: false);
            }
        }
    }

    /// <summary>
    /// The delivery's pipeline is done. A probe that ended without a verdict (it failed fast, or was never handled)
    /// passes the probe on to the next message instead of leaving the switch half-open forever.
    /// </summary>
    public void Release(Admission admission)
    {
        lock (_lock)
        {
            if (IsCurrentProbe(admission))
            {
                _probeInFlight = false;
                SettleVerdict();
            }
        }
    }

    /// <summary>
    /// Completes when the second probe decided, or at once when <paramref name="admission"/> is not a held failed probe.
    /// </summary>
    public Task SecondProbeVerdict(Admission admission)
    {
        lock (_lock)
        {
            return IsHeldProbe(admission) ? _confirmation.Task : Task.CompletedTask;
        }
    }

    /// <summary>No second message came while the failed probe was held: nothing tells an outage from poison, so re-open.</summary>
    public void NoSecondProbe(Admission admission, TimeSpan waited)
    {
        lock (_lock)
        {
            if (IsHeldProbe(admission))
            {
                Open(_clock.GetUtcNow(), "probe_failed", $"the probe message failed and no second message came within {waited}", byOperator: false);
            }
        }
    }

    public void Trip(string reason)
    {
        lock (_lock)
        {
            Open(_clock.GetUtcNow(), "operator", reason, byOperator: true);
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            if (_status.State == KillSwitchState.Closed)
            {
                _window.Clear();
                _failuresInARow = 0;
                _connectionFailuresInARow = 0;
                return;
            }

            Close("reset", "reset by an operator: consumption resumes");
        }
    }

    public void Dispose()
    {
        lock (_lock)
        {
            _coolDown?.Dispose();
            _coolDown = null;
        }
    }

    private bool IsCurrentProbe(Admission admission) =>
        admission.Kind == AdmissionKind.Probe && admission.ProbeNumber == _probeNumber && _probeInFlight
        && _status.State == KillSwitchState.HalfOpen;

    private bool IsHeldProbe(Admission admission) =>
        admission.Kind == AdmissionKind.Probe && _heldProbe != 0 && admission.ProbeNumber == _heldProbe
        && _status.State == KillSwitchState.HalfOpen;

    private void Open(DateTimeOffset now, string trigger, string reason, bool byOperator)
    {
        var wasOpen = _status.State == KillSwitchState.Open;
        _coolDown?.Dispose();
        _coolDown = null;
        DateTimeOffset? probeAt = null;
        var generation = _generation + 1;
        if (!byOperator)
        {
            _coolDown = _clock.CreateTimer(_ => EndCoolDown(generation), null, _options.CoolDown, Timeout.InfiniteTimeSpan);
            probeAt = now + _options.CoolDown;
        }

        Transition(new KillSwitchStatus(KillSwitchState.Open, now, reason, byOperator, probeAt), trigger);
        if (!wasOpen)
        {
            _metrics.Tripped(trigger);
        }
    }

    private void Close(string trigger, string reason)
    {
        _coolDown?.Dispose();
        _coolDown = null;
        _window.Clear();
        _failuresInARow = 0;
        _connectionFailuresInARow = 0;
        Transition(new KillSwitchStatus(KillSwitchState.Closed, _clock.GetUtcNow(), reason, ByOperator: false, ProbeAt: null), trigger);
    }

    private void EndCoolDown(long generation)
    {
        lock (_lock)
        {
            if (generation == _generation && _status is { State: KillSwitchState.Open, ByOperator: false })
            {
                Transition(new KillSwitchStatus(KillSwitchState.HalfOpen, _clock.GetUtcNow(),
                    $"cool-down of {_options.CoolDown} is over: one message is let through as a probe", ByOperator: false, ProbeAt: null), "cool_down");
            }
        }
    }

    private void Transition(KillSwitchStatus next, string trigger)
    {
        var previous = _status.State;
        _status = next;
        _generation++;
        _probeInFlight = false;
        _heldProbe = 0;
        SettleVerdict();
        _confirmation.TrySetResult();
        _confirmation = NewVerdict();
        LogTransition(_logger, next.State == KillSwitchState.Open ? LogLevel.Warning : LogLevel.Information, previous, next.State, trigger, next.Reason);
        Transitioned?.Invoke(new KillSwitchTransition(previous, next.State, trigger, next.Reason, next.Since));
    }

    /// <summary>Wakes the deliveries waiting on the probe; they ask again and find the new state.</summary>
    private void SettleVerdict()
    {
        var settled = _verdict;
        _verdict = NewVerdict();
        settled.TrySetResult();
    }

    private static TaskCompletionSource NewVerdict() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private static string Describe(Exception exception)
    {
        var text = $"{exception.GetType().Name}: {exception.Message}";
        return text.Length <= 300 ? text : text[..300] + "...";
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Kill switch probe failed ({Failure}): a second message probes to tell an outage from a poison message")]
    private static partial void LogSecondProbe(ILogger logger, string failure);

    [LoggerMessage(Message = "Kill switch {From} -> {To} ({Trigger}): {Reason}")]
    private static partial void LogTransition(ILogger logger, LogLevel level, KillSwitchState from, KillSwitchState to, string trigger, string reason);
}
