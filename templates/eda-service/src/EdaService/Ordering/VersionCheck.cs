namespace EdaService.Ordering;

/// <summary>What to do with a change, given the last version applied to its aggregate.</summary>
public enum VersionCheck
{
    /// <summary>The next version: apply it.</summary>
    Apply,

    /// <summary>Already applied or superseded (a redelivery, or a late change after a newer one): acknowledge, no effect.</summary>
    Stale,

    /// <summary>A version in between is missing: try again later, when it may have arrived.</summary>
    Gap,
}
