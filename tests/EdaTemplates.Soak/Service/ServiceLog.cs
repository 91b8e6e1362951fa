using System.Collections.Concurrent;

namespace EdaTemplates.Soak.Service;

/// <summary>What the instances logged that the soak reports or asserts: kill-switch transitions and duplicates absorbed.</summary>
internal sealed class ServiceLog
{
    private readonly ConcurrentQueue<KillSwitchTransition> _transitions = new();
    private int _duplicatesIgnored;
    private int _staleVersions;
    private int _gapDeferrals;
    private int _errors;

    public IReadOnlyList<KillSwitchTransition> Transitions => _transitions.ToArray();

    /// <summary>Messages the idempotency log recognised as already processed (lines lost in a SIGKILL are not counted).</summary>
    public int DuplicatesIgnored => _duplicatesIgnored;

    public int StaleVersions => _staleVersions;

    public int GapDeferrals => _gapDeferrals;

    public int Errors => _errors;

    public void Record(string instance, ServiceLogLine line)
    {
        if (line.IsKillSwitchTransition)
        {
            _transitions.Enqueue(new KillSwitchTransition(
                instance, DateTimeOffset.UtcNow, line.State["From"], line.State["To"], line.State.GetValueOrDefault("Trigger", "")));
        }
        else if (line.IsIgnoredDuplicate)
        {
            Interlocked.Increment(ref _duplicatesIgnored);
        }
        else if (line.IsStaleVersion)
        {
            Interlocked.Increment(ref _staleVersions);
        }
        else if (line.IsGapDeferral)
        {
            Interlocked.Increment(ref _gapDeferrals);
        }

        if (line.Level is "Error" or "Critical")
        {
            Interlocked.Increment(ref _errors);
        }
    }
}
