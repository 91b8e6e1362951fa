namespace EdaService.Validation;

/// <summary>What happens to a body property the message type does not declare.</summary>
public enum UnknownPropertyPolicy
{
    /// <summary>Ignored, so producers can add fields before consumers upgrade.</summary>
    Ignore,

    /// <summary>The message is rejected: data the service would silently drop is refused instead.</summary>
    Reject,
}
