using Rebus.Exceptions;

namespace EdaService.Ordering;

/// <summary>A change waited too long for a missing version. Fails fast: retrying at once cannot make it arrive.</summary>
public sealed class VersionGapException(string aggregate, Guid id, int lastApplied, int incoming, int waits)
    : Exception($"{aggregate} {id} is at version {lastApplied}; version {incoming} waited {waits} times for the versions in " +
                $"between (Ordering:MaxGapRetries). A change was lost or is stuck upstream: find it, then replay this message."),
      IFailFastException;
