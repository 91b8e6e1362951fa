namespace EdaService.KillSwitch;

/// <summary>One change of state. <paramref name="Trigger"/> is a short token (failure_count, failure_rate, operator,
/// cool_down, probe_succeeded, probe_failed, reset) for dashboards; <paramref name="Reason"/> is for people.</summary>
public sealed record KillSwitchTransition(KillSwitchState From, KillSwitchState To, string Trigger, string Reason, DateTimeOffset At);
