using EdaService.Ordering;

namespace EdaService.UnitTests.Ordering;

public sealed class VersionGuardTests
{
    [Theory]
    [InlineData(0, 1, VersionCheck.Apply)]
    [InlineData(3, 4, VersionCheck.Apply)]
    [InlineData(3, 3, VersionCheck.Stale)]
    [InlineData(3, 2, VersionCheck.Stale)]
    [InlineData(3, 5, VersionCheck.Gap)]
    [InlineData(0, 2, VersionCheck.Gap)]
    public void Only_the_next_version_is_applied(int lastApplied, int incoming, VersionCheck expected) =>
        Assert.Equal(expected, VersionGuard.Check(lastApplied, incoming));
}
