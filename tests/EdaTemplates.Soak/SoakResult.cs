using EdaTemplates.Soak.Chaos;
using EdaTemplates.Soak.Ledger;
using EdaTemplates.Soak.Service;

namespace EdaTemplates.Soak;

/// <summary>What one soak run did and found.</summary>
public sealed record SoakResult(
    SoakOptions Options,
    int Orders,
    Verification Ledger,
    IReadOnlyList<string> KillSwitchViolations,
    IReadOnlyList<KillRecord> Kills,
    int Starts,
    IReadOnlyList<string> UnexpectedExits,
    OutageRecord? Outage,
    IReadOnlyList<KillSwitchTransition> Transitions,
    int DuplicatesIgnoredInLogs,
    int StaleVersionsInLogs,
    int GapDeferralsInLogs,
    TimeSpan Elapsed,
    string WorkDirectory)
{
    public IReadOnlyList<string> Violations => [.. UnexpectedExits, .. KillSwitchViolations, .. Ledger.Violations];

    public bool Passed => Violations.Count == 0;
}
