namespace EdaTemplates.Soak.Service;

/// <summary>A kill-switch transition as the service logged it (`Kill switch {From} -> {To} ({Trigger}): {Reason}`).</summary>
public sealed record KillSwitchTransition(string Instance, DateTimeOffset At, string From, string To, string Trigger);
