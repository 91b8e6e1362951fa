namespace EdaService.KillSwitch;

/// <summary>
/// When counted attempts mean "stop": the failure count while volume is low (so a quiet service trips too), the failure
/// rate once there are enough attempts for a rate to mean something (so a few poison messages among thousands of good
/// ones do not stop a busy service).
/// </summary>
internal sealed class TripRule(KillSwitchOptions options)
{
    /// <summary>The trigger and reason to open the switch with, or null to stay closed.</summary>
    public (string Trigger, string Reason)? Evaluate(int attempts, int failures)
    {
        if (attempts < options.MinimumAttempts)
        {
            return failures >= options.FailureThreshold
                ? ("failure_count", $"{failures} failed delivery attempts within {options.Window} (KillSwitch:FailureThreshold {options.FailureThreshold})")
                : null;
        }

        return failures >= options.FailureRateThreshold * attempts
            ? ("failure_rate", $"{failures} of {attempts} delivery attempts failed within {options.Window} (KillSwitch:FailureRateThreshold {options.FailureRateThreshold})")
            : null;
    }
}
