namespace EdaService.Messaging;

/// <summary>
/// Queues and throughput. The defaults (4 workers, 20 in parallel, millisecond backoff) were the fastest of the
/// combinations measured on a 2-core machine with PostgreSQL (see README); measure your own handler before changing them.
/// The generated appsettings.json sets 8 in parallel on the Database transport: there every receive competes for the
/// same rows of the queue table, and 8 measured about 30% faster than 20 (4 and 12 were slower than 8 too).
/// </summary>
public sealed class MessagingOptions
{
    public const string SectionName = "Messaging";

    /// <summary>The queue this service consumes. Required.</summary>
    public string InputQueue { get; set; } = "";

    /// <summary>Where messages go after <see cref="MaxDeliveryAttempts"/> failures, with the error in a header.</summary>
    public string ErrorQueue { get; set; } = "error";

    /// <summary>Receive loops. Each one polls the transport.</summary>
    public int Workers { get; set; } = 4;

    /// <summary>Messages handled at once across all workers.</summary>
    public int MaxParallelism { get; set; } = 20;

    /// <summary>Attempts before a message is moved to the error queue, so a poison message cannot block the queue.</summary>
    public int MaxDeliveryAttempts { get; set; } = 5;

    /// <summary>
    /// How long an idle or saturated worker sleeps, one entry per second of idleness (the last repeats). Rebus's own
    /// default sleeps at least 100 ms whenever a worker reaches its parallelism limit, which cost 10-15x throughput
    /// in measurements. Empty means <see cref="DefaultBackoffTimes"/>.
    /// </summary>
    public TimeSpan[] BackoffTimes { get; set; } = [];

    public static readonly TimeSpan[] DefaultBackoffTimes =
    [
        TimeSpan.FromMilliseconds(1),
        TimeSpan.FromMilliseconds(5),
        TimeSpan.FromMilliseconds(20),
        TimeSpan.FromMilliseconds(100),
        TimeSpan.FromMilliseconds(500),
    ];

    public IReadOnlyList<TimeSpan> EffectiveBackoffTimes => BackoffTimes.Length > 0 ? BackoffTimes : DefaultBackoffTimes;

    /// <summary>
    /// After its <see cref="MaxDeliveryAttempts"/> immediate attempts, a message that failed on a transient cause (the
    /// database or broker unreachable, a timeout, a deadlock) is tried again after each of these delays, each time with
    /// a fresh set of attempts, before it can go to the error queue; permanent failures and rejections go at once.
    /// Empty means <see cref="DefaultTransientRetryDelays"/>.
    /// </summary>
    public TimeSpan[] TransientRetryDelays { get; set; } = [];

    public static readonly TimeSpan[] DefaultTransientRetryDelays =
    [
        TimeSpan.FromSeconds(10),
        TimeSpan.FromMinutes(1),
        TimeSpan.FromMinutes(5),
    ];

    public IReadOnlyList<TimeSpan> EffectiveTransientRetryDelays => TransientRetryDelays.Length > 0 ? TransientRetryDelays : DefaultTransientRetryDelays;

    /// <summary>
    /// Deliveries of one message in a row that may fail while its failure is being handled (the error handling throws,
    /// or a step outside Rebus's retry step does) before the message is forced to the error queue. Each such delivery
    /// returns the message at once, uncounted by Rebus, so without a bound it loops forever.
    /// </summary>
    public int RedeliveryLoopLimit { get; set; } = 3;
}
