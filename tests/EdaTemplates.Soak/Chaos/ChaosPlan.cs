namespace EdaTemplates.Soak.Chaos;

public enum ChaosAction
{
    Kill,
    Outage,
    StartSecondInstance,
    StopSecondInstance,
}

/// <summary>One disruption, due once this share of the messages has been fed.</summary>
public sealed record ChaosStep(double AtFraction, ChaosAction Action, bool WhileForwarding = false);

/// <summary>
/// When the disruptions happen: kills spread over the stream with random jitter, every other one aimed at a moment
/// when the outbox holds unsent rows; the outage in the middle; the second instance competing from 15% to 85%.
/// </summary>
public static class ChaosPlan
{
    public const double OutageAt = 0.45;

    /// <summary>
    /// The share of the stream fed during the outage before the next disruption may come: a backlog's worth. The feed
    /// gate opens only up to the next step, so a kill planned a few messages after the outage left the outage with no
    /// stream: the switch saw one message's attempts, which by design do not trip it, and that message went to the
    /// error queue (seed 648812).
    /// </summary>
    public static double OutageStream(SoakOptions options) => Math.Min(1.0, (double)options.MaxBacklog / options.Messages);

    public static IReadOnlyList<ChaosStep> Create(SoakOptions options, Random random)
    {
        var steps = new List<ChaosStep>();
        if (options.SecondInstance)
        {
            steps.Add(new ChaosStep(0.15, ChaosAction.StartSecondInstance));
            steps.Add(new ChaosStep(0.85, ChaosAction.StopSecondInstance));
        }

        if (options.Outage > TimeSpan.Zero)
        {
            steps.Add(new ChaosStep(OutageAt, ChaosAction.Outage));
        }

        var streamEnd = OutageAt + OutageStream(options);
        for (var kill = 0; kill < options.Kills; kill++)
        {
            var slot = 0.9 / options.Kills;
            var at = 0.05 + slot * kill + random.NextDouble() * slot;
            if (options.Outage > TimeSpan.Zero && at >= OutageAt && at < streamEnd)
            {
                at = streamEnd;
            }

            steps.Add(new ChaosStep(at, ChaosAction.Kill, WhileForwarding: kill % 2 == 1));
        }

        return steps.OrderBy(s => s.AtFraction).ToList();
    }
}
