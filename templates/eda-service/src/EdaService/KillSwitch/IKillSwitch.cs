namespace EdaService.KillSwitch;

/// <summary>Stops consumption when failures pile up. Operators reach it through <see cref="KillSwitchOperatorOptions"/>; code can call it directly.</summary>
public interface IKillSwitch
{
    KillSwitchStatus Status { get; }

    /// <summary>Opens the switch and keeps it open until <see cref="Reset"/>: no probe message after the cool-down.</summary>
    void Trip(string reason);

    /// <summary>Closes the switch: consumption resumes with the configured workers and counted failures are forgotten.</summary>
    void Reset();
}
