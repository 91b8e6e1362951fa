namespace EdaService.Messaging.AzureServiceBus;

/// <summary>
/// PeekLock settings. A lock that expires while a message is still being handled makes the broker hand it to another
/// consumer (a duplicate) and count a delivery; these settings are validated at startup so that cannot happen by design.
/// </summary>
public sealed class PeekLockOptions
{
    public const string SectionName = "AzureServiceBus:PeekLock";

    /// <summary>Lock duration set on the queue (5 seconds to 5 minutes).</summary>
    public TimeSpan LockDuration { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Renew the lock while a handler runs. Rebus turns renewal off when prefetching.</summary>
    public bool AutoRenewLock { get; set; } = true;

    /// <summary>Messages fetched ahead of handling. 0 keeps lock renewal possible.</summary>
    public int Prefetch { get; set; }

    /// <summary>The longest a handler is expected to run. Used to prove locks outlast handling when renewal is off.</summary>
    public TimeSpan MaxHandlingTime { get; set; } = TimeSpan.FromSeconds(30);
}
