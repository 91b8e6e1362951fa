namespace EdaService.Validation;

/// <summary>How strictly incoming messages are checked. The defaults reject everything the schema does not state.</summary>
public sealed class ValidationOptions
{
    public const string SectionName = "Validation";

    /// <summary>
    /// A timestamp with an offset other than UTC (e.g. <c>+02:00</c>): rejected by default, so producers learn to send
    /// UTC; <see cref="NonUtcOffsetPolicy.NormalizeToUtc"/> accepts it and converts it to UTC. Timestamps without any
    /// offset, with <c>-00:00</c> or date-only are always rejected.
    /// </summary>
    public NonUtcOffsetPolicy NonUtcOffsets { get; set; } = NonUtcOffsetPolicy.Reject;

    /// <summary>
    /// Body properties the message type does not have. Ignored by default (tolerant reader): a producer may add a
    /// field before its consumers upgrade, and a misspelt required field is still caught as missing.
    /// </summary>
    public UnknownPropertyPolicy UnknownProperties { get; set; } = UnknownPropertyPolicy.Ignore;

    /// <summary>Bodies over this size are rejected before they are parsed (the Azure Service Bus Standard limit by default).</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;
}
