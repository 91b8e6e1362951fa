namespace EdaService.Validation;

/// <summary>What happens to an incoming timestamp with an explicit offset other than UTC.</summary>
public enum NonUtcOffsetPolicy
{
    /// <summary>The message is rejected: consumers then never depend on the producer's time zone.</summary>
    Reject,

    /// <summary>The timestamp is accepted and converted to UTC before the handler sees it.</summary>
    NormalizeToUtc,
}
