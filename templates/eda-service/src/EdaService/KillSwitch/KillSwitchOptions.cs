namespace EdaService.KillSwitch;

/// <summary>
/// When the kill switch stops consumption. Failed delivery attempts are counted over a sliding <see cref="Window"/>:
/// at low volume (fewer than <see cref="MinimumAttempts"/> attempts in the window) <see cref="FailureThreshold"/>
/// failures trip it; from <see cref="MinimumAttempts"/> attempts on, the failure rate decides, so a busy service is not
/// stopped by a handful of poison messages among thousands of good ones. At any volume, <see cref="FailureThreshold"/>
/// failures in a row with no success between them (an outage, a poison flood) trip it too, and so do
/// <see cref="ConnectionFailureThreshold"/> connection failures in a row.
/// </summary>
public sealed class KillSwitchOptions
{
    public const string SectionName = "KillSwitch";

    /// <summary>How far back failures and attempts are counted (in 10 slices, so the oldest slice ages out as a whole).</summary>
    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// Failed delivery attempts in the window that trip the switch at low volume, and failed attempts in a row that trip it
    /// at any volume. Each attempt counts, so one poison
    /// message counts Messaging:MaxDeliveryAttempts times; this must be larger, or one bad message stops the service.
    /// </summary>
    public int FailureThreshold { get; set; } = 20;

    /// <summary>Attempts in the window from which the failure rate decides instead of the failure count.</summary>
    public int MinimumAttempts { get; set; } = 100;

    /// <summary>Share of failed attempts (0-1] that trips the switch at high volume.</summary>
    public double FailureRateThreshold { get; set; } = 0.5;

    /// <summary>
    /// Connection failures in a row (refused, reset, the database shutting down: no success between them) that trip the
    /// switch at any volume. No message causes one, so unlike <see cref="FailureThreshold"/> this may be reached by the
    /// attempts of a single message: a trickle of traffic during an outage then trips the switch at the first message
    /// instead of after FailureThreshold / Messaging:MaxDeliveryAttempts messages.
    /// </summary>
    public int ConnectionFailureThreshold { get; set; } = 5;

    /// <summary>How long the switch stays open before one message is let through to probe whether the failures stopped.</summary>
    public TimeSpan CoolDown { get; set; } = TimeSpan.FromMinutes(1);
}
