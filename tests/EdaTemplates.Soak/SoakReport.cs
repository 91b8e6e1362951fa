using System.Globalization;
using System.Text;

namespace EdaTemplates.Soak;

/// <summary>The summary printed at the end of a run.</summary>
public static class SoakReport
{
    private const int ViolationsShown = 30;

    public static string Format(SoakResult result)
    {
        var text = new StringBuilder();
        void Line(string label, object value) => text.AppendLine(CultureInfo.InvariantCulture, $"  {label,-36} {value}");

        var ledger = result.Ledger;
        var options = result.Options;
        text.AppendLine("Crash soak summary");
        Line("messages sent / orders", $"{options.Messages} / {result.Orders} (OrderPlaced + {options.VersionsPerOrder - 1} OrderAmended each)");
        Line("effects applied (trigger ledger)", ledger.MessagesApplied);
        Line("SIGKILLs", $"{result.Kills.Count} ({result.Kills.Count(k => k.OutboxRows > 0)} with unsent outbox rows, " +
                         $"up to {result.Kills.Select(k => k.OutboxRows).DefaultIfEmpty(0).Max()})");
        Line("process starts (incl. restarts)", result.Starts);
        Line("queues", options.SharedDatabase
            ? "in the business database (events sent through the queue table, no outbox)"
            : "in a cluster of their own (events sent through the outbox)");
        Line("instances", options.SecondInstance ? "2 (second one competing from 15% to 85% of the feed)" : "1");
        Line("OrderAccepted events delivered", ledger.EventsDelivered);
        Line("redeliveries seen downstream", ledger.MessagesRedelivered == 0
            ? "0 (no event delivered more than once)"
            : $"{ledger.Redeliveries} ({ledger.MessagesRedelivered} events delivered more than once, at most {ledger.MaxDeliveriesOfOneMessage} times)");
        Line("downstream duplicates absorbed", $"{ledger.Redeliveries} (applied once per event id)");
        Line("duplicates ignored by the service", $"{result.DuplicatesIgnoredInLogs} (from its logs; lines cut off by SIGKILL are missing)");
        Line("stale versions / gap deferrals", $"{result.StaleVersionsInLogs} / {result.GapDeferralsInLogs} (from its logs)");
        Line("business database outage", result.Outage is { } outage
            ? $"{(outage.StartedAt - outage.StoppedAt).TotalSeconds:0.0} s, instances {string.Join(", ", outage.Instances)}"
            : "none");
        text.AppendLine("  kill-switch transitions:");
        foreach (var transition in result.Transitions)
        {
            var since = result.Outage is { } o ? $"{(transition.At - o.StoppedAt).TotalSeconds,6:+0.0;-0.0} s from outage start" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"    {transition.Instance}: {transition.From} -> {transition.To} ({transition.Trigger}) {since}");
        }

        Line("elapsed", $"{result.Elapsed.TotalSeconds:0} s");
        Line("seed", options.Seed);
        Line("work directory (logs)", Directory.Exists(result.WorkDirectory) ? result.WorkDirectory : $"{result.WorkDirectory} (removed after a pass; --keep keeps it)");
        var violations = result.Violations;
        text.AppendLine(violations.Count == 0 ? "PASSED: no message lost or applied twice, error queue empty" : $"FAILED: {violations.Count} violation(s)");
        foreach (var violation in violations.Take(ViolationsShown))
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  - {violation}");
        }

        if (violations.Count > ViolationsShown)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  ... and {violations.Count - ViolationsShown} more");
        }

        return text.ToString();
    }
}
