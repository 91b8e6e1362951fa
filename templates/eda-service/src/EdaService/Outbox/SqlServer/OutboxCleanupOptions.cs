namespace EdaService.Outbox;

/// <summary>How long sent outbox rows are kept (for diagnosing what was sent) before they are deleted.</summary>
public sealed class OutboxCleanupOptions
{
    public const string SectionName = "Outbox:Cleanup";

    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);

    public TimeSpan Interval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Rows deleted per statement, so cleanup never holds long locks on the table the forwarder reads.</summary>
    public int BatchSize { get; set; } = 1000;
}
