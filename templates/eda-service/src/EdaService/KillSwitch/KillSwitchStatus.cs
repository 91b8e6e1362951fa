namespace EdaService.KillSwitch;

/// <summary>What the switch is doing and why, for the health check and for operators.</summary>
/// <param name="Since">When the switch entered <paramref name="State"/>.</param>
/// <param name="Reason">Why it entered it, e.g. the failure count and the last error.</param>
/// <param name="ByOperator">Tripped by hand: stays open until reset, no probe after the cool-down.</param>
/// <param name="ProbeAt">When an automatically opened switch lets a probe message through.</param>
public sealed record KillSwitchStatus(KillSwitchState State, DateTimeOffset Since, string Reason, bool ByOperator, DateTimeOffset? ProbeAt);
