namespace EdaService.Outbox;

/// <summary>When Rebus's outbox forwarder looks for rows nobody sent.</summary>
public sealed class OutboxForwarderOptions
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// Rows this instance commits are sent right away (<see cref="OutboxDispatcher"/>); this poll, in whole seconds,
    /// sends the rest: rows left by a crash or a failed send, or written by another instance. Rebus polls every second.
    /// </summary>
    public TimeSpan ForwarderPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
