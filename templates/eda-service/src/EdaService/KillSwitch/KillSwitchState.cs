namespace EdaService.KillSwitch;

/// <summary>The values are what the <c>eda.kill_switch.state</c> gauge reports.</summary>
public enum KillSwitchState
{
    /// <summary>Consuming with the configured workers; failures are counted.</summary>
    Closed = 0,

    /// <summary>After the cool-down: one message is let through as a probe, the others wait for its outcome.</summary>
    HalfOpen = 1,

    /// <summary>No message is taken; they stay in the queue.</summary>
    Open = 2,
}
