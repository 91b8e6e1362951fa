namespace EdaService.Outbox;

/// <summary>When Rebus's outbox forwarder looks for rows to send.</summary>
public sealed class OutboxForwarderOptions
{
    public const string SectionName = "Outbox";

    /// <summary>
    /// The forwarder runs as soon as this instance commits outbox rows; this poll is the fallback for rows it was not
    /// told about (written by another instance, or before a restart). Rebus polls every second.
    /// </summary>
    public TimeSpan ForwarderPollInterval { get; set; } = TimeSpan.FromSeconds(1);
}
