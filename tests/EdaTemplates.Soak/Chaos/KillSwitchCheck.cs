using EdaTemplates.Soak.Service;

namespace EdaTemplates.Soak.Chaos;

/// <summary>
/// The kill switch's promise during the outage, from the instances' own logs: each instance that ran through it opened
/// while the database was down, and closed again (consumption resumed) after it came back.
/// </summary>
public static class KillSwitchCheck
{
    /// <summary>An Open logged just after the restart still belongs to the outage: failures in flight finish late.</summary>
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    public static IReadOnlyList<string> Verify(OutageRecord? outage, IReadOnlyList<KillSwitchTransition> transitions)
    {
        if (outage is null)
        {
            return [];
        }

        var violations = new List<string>();
        foreach (var instance in outage.Instances)
        {
            var own = transitions.Where(t => t.Instance == instance).ToList();
            var opened = own.FirstOrDefault(t => t.To == "Open" && t.At >= outage.StoppedAt && t.At <= outage.StartedAt + Grace);
            if (opened is null)
            {
                violations.Add($"{instance}: the kill switch did not open while the business database was down");
                continue;
            }

            if (!own.Any(t => t.To == "Closed" && t.At > outage.StartedAt))
            {
                violations.Add($"{instance}: the kill switch opened ({opened.Trigger}) but never closed after the database came back");
            }
        }

        return violations;
    }

    public static bool HasResumed(OutageRecord outage, IReadOnlyList<KillSwitchTransition> transitions, string instance) =>
        transitions.Any(t => t.Instance == instance && t.To == "Closed" && t.At > outage.StartedAt);
}
