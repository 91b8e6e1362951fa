namespace EdaService.Idempotency;

/// <summary>The processed-messages log: how long records are kept and what they contain.</summary>
public sealed class IdempotencyOptions
{
    public const string SectionName = "Idempotency";

    /// <summary>
    /// How long a processed message is remembered. A message redelivered or replayed from the error queue after its
    /// record is gone is applied again, so keep this at least as long as your dead-letter replay window.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);

    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Rows deleted per statement, so cleanup never holds long locks on a table every handler writes to.</summary>
    public int CleanupBatchSize { get; set; } = 1000;

    /// <summary>Headers copied into the log with each message. Empty means <see cref="DefaultRecordedHeaders"/>.</summary>
    public string[] RecordedHeaders { get; set; } = [];

    public static readonly string[] DefaultRecordedHeaders =
        ["rbs2-corr-id", "rbs2-senttime", "rbs2-return-address", "rbs2-sender-address", "rbs2-content-type"];

    public IReadOnlyList<string> EffectiveRecordedHeaders => RecordedHeaders.Length > 0 ? RecordedHeaders : DefaultRecordedHeaders;
}
