namespace EdaService.Ordering;

/// <summary>How long a change that arrived before its predecessor waits for it.</summary>
public sealed class OrderingOptions
{
    public const string SectionName = "Ordering";

    /// <summary>Delay before a change that skipped a version is tried again.</summary>
    public TimeSpan GapRetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How often a change waits for a missing version before it goes to the error queue, so a version lost upstream
    /// is noticed instead of waiting forever.
    /// </summary>
    public int MaxGapRetries { get; set; } = 30;
}
