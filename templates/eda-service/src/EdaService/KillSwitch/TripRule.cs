namespace EdaService.KillSwitch;

/// <summary>
/// When counted attempts mean "stop": the failure count while volume is low (so a quiet service trips too), the failure
/// rate once there are enough attempts for a rate to mean something (so a few poison messages among thousands of good
/// ones do not stop a busy service), and at any volume a run of failures with no success between them. The run is what
/// an outage looks like; without it a busy service would dead-letter one message per few recent successes before the
/// rate caught up (measured by the crash soak: 53 dead letters in a 30 s database outage). Connection failures in a row
/// are outage evidence on their own, from the first message on.
/// </summary>
internal sealed class TripRule(KillSwitchOptions options)
{
    /// <summary>The trigger and reason to open the switch with, or null to stay closed.</summary>
    public (string Trigger, string Reason)? Evaluate(int attempts, int failures, int failuresInARow, int connectionFailuresInARow = 0)
    {
        if (connectionFailuresInARow >= options.ConnectionFailureThreshold)
        {
            return ("connection_failures", $"{connectionFailuresInARow} connection failures in a row (KillSwitch:ConnectionFailureThreshold {options.ConnectionFailureThreshold})");
        }

        if (attempts < options.MinimumAttempts)
        {
            return failures >= options.FailureThreshold
                ? ("failure_count", $"{failures} failed delivery attempts within {options.Window} (KillSwitch:FailureThreshold {options.FailureThreshold})")
                : null;
        }

        if (failuresInARow >= options.FailureThreshold)
        {
            return ("failure_streak", $"{failuresInARow} delivery attempts failed in a row (KillSwitch:FailureThreshold {options.FailureThreshold})");
        }

        return failures >= options.FailureRateThreshold * attempts
            ? ("failure_rate", $"{failures} of {attempts} delivery attempts failed within {options.Window} (KillSwitch:FailureRateThreshold {options.FailureRateThreshold})")
            : null;
    }
}
