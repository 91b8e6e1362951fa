using EdaTemplates.Soak;
using EdaTemplates.Soak.Chaos;

namespace EdaTemplates.Tests.Proof;

/// <summary>The outage gets a stream to fail on: no other disruption is planned within a backlog's worth after it.</summary>
public sealed class ChaosPlanTests
{
    [Theory]
    [InlineData(1_000, 3)] // CI's short soak
    [InlineData(10_000, 20)] // the documented run
    public void No_disruption_follows_the_outage_before_its_stream_was_fed(int messages, int kills)
    {
        var options = new SoakOptions { Messages = messages, Kills = kills };
        var streamEnd = ChaosPlan.OutageAt + ChaosPlan.OutageStream(options);

        // Seed 648812 put CI's second kill 1 message after the outage; the others cover the plan's random range.
        foreach (var seed in Enumerable.Range(1, 2_000).Append(648812))
        {
            var plan = ChaosPlan.Create(options with { Seed = seed }, new Random(seed));

            var outage = Assert.Single(plan, s => s.Action == ChaosAction.Outage);
            var next = plan.SkipWhile(s => s != outage).Skip(1).First();
            Assert.True(next.AtFraction >= streamEnd,
                $"Seed {seed}: {next.Action} at {next.AtFraction:0.0000} comes before the outage's stream ended at {streamEnd:0.0000}.");
        }
    }
}
