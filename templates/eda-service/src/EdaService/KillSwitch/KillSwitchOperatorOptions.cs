namespace EdaService.KillSwitch;

/// <summary>
/// The operator's hand on the switch, read live (appsettings.json is reloaded when it changes): setting
/// <see cref="Trip"/> to true stops consumption until it is set back to false. Environment variables and command-line
/// arguments are read once, at start: a service started with KillSwitch__Operator__Trip=true starts with the switch open.
/// </summary>
public sealed class KillSwitchOperatorOptions
{
    public const string SectionName = "KillSwitch:Operator";

    /// <summary>True opens the switch and keeps it open (no probe after the cool-down); false again resets it.</summary>
    public bool Trip { get; set; }

    /// <summary>Why, for the log and the health check, e.g. a ticket number.</summary>
    public string? Reason { get; set; }
}
