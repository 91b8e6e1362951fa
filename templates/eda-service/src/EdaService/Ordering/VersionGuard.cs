namespace EdaService.Ordering;

/// <summary>Applies each aggregate's changes in version order, whatever order the broker delivers them in.</summary>
public static class VersionGuard
{
    /// <param name="lastApplied">The aggregate's current version; 0 when it does not exist yet.</param>
    /// <param name="incoming">The version the change would produce.</param>
    public static VersionCheck Check(int lastApplied, int incoming) =>
        incoming <= lastApplied ? VersionCheck.Stale
        : incoming == lastApplied + 1 ? VersionCheck.Apply
        : VersionCheck.Gap;
}
