namespace EdaService.Observability;

/// <summary>How often the outbox backlog gauges are refreshed from the database.</summary>
public sealed class OutboxBacklogOptions
{
    public const string SectionName = "Observability:OutboxBacklog";

    /// <summary>One cheap query per interval (a count and the oldest row by primary key).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(15);
}
