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
            steps.Add(new ChaosStep(0.45, ChaosAction.Outage));
        }

        for (var kill = 0; kill < options.Kills; kill++)
        {
            var slot = 0.9 / options.Kills;
            var at = 0.05 + slot * kill + random.NextDouble() * slot;
            steps.Add(new ChaosStep(at, ChaosAction.Kill, WhileForwarding: kill % 2 == 1));
        }

        return steps.OrderBy(s => s.AtFraction).ToList();
    }
}
