namespace EdaTemplates.Soak.Chaos;

/// <summary>A SIGKILL and what was in flight: rows waiting in the outbox and messages waiting in the input queue.</summary>
public sealed record KillRecord(string Instance, DateTimeOffset At, int OutboxRows, int QueuedMessages, bool AimedAtForwarding);

/// <summary>The business database's outage, and which instances were running through it.</summary>
public sealed record OutageRecord(DateTimeOffset StoppedAt, DateTimeOffset StartedAt, IReadOnlyList<string> Instances);
