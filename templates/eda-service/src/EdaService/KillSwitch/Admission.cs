namespace EdaService.KillSwitch;

internal enum AdmissionKind
{
    /// <summary>Closed: handle the message and count its outcome.</summary>
    Pass,

    /// <summary>Half-open: this message is the probe; success closes the switch, failure lets a second message probe.</summary>
    Probe,

    /// <summary>Half-open with a probe in flight: wait for <see cref="Admission.Verdict"/>, then ask again.</summary>
    Wait,

    /// <summary>Open: return the message to the queue unhandled.</summary>
    Refuse,
}

/// <summary>What the gate may do with one delivery. <see cref="ProbeNumber"/> tells a probe's outcome from a stale one.</summary>
internal sealed record Admission(AdmissionKind Kind, long ProbeNumber = 0, Task? Verdict = null)
{
    public static readonly Admission Pass = new(AdmissionKind.Pass);

    public static readonly Admission Refuse = new(AdmissionKind.Refuse);
}
