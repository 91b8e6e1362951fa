using EdaTemplates.Soak.Chaos;
using EdaTemplates.Soak.Service;

namespace EdaTemplates.Tests.Proof;

/// <summary>The outage check asserts the kill switch from the instances' logs; it fails when a transition is missing.</summary>
public sealed class KillSwitchCheckTests
{
    private static readonly DateTimeOffset Stopped = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);
    private static readonly OutageRecord Outage = new(Stopped, Stopped.AddSeconds(30), ["instance-a", "instance-b"]);

    private static KillSwitchTransition At(string instance, double seconds, string from, string to, string trigger) =>
        new(instance, Stopped.AddSeconds(seconds), from, to, trigger);

    [Fact]
    public void Open_during_the_outage_and_closed_after_it_passes()
    {
        var transitions = new[] { "instance-a", "instance-b" }.SelectMany(i => new[]
        {
            At(i, 0.4, "Closed", "Open", "failure_count"),
            At(i, 20.4, "Open", "HalfOpen", "cool_down"),
            At(i, 20.5, "HalfOpen", "Open", "probe_failed"),
            At(i, 40.5, "Open", "HalfOpen", "cool_down"),
            At(i, 40.6, "HalfOpen", "Closed", "probe_succeeded"),
        }).ToList();

        Assert.Empty(KillSwitchCheck.Verify(Outage, transitions));
    }

    [Fact]
    public void An_instance_whose_switch_never_opened_is_reported()
    {
        var transitions = new[] { At("instance-a", 0.4, "Closed", "Open", "failure_count"), At("instance-a", 41, "HalfOpen", "Closed", "probe_succeeded") };

        var violation = Assert.Single(KillSwitchCheck.Verify(Outage, transitions));
        Assert.Contains("instance-b: the kill switch did not open", violation);
    }

    [Fact]
    public void A_switch_that_opened_before_the_outage_does_not_count()
    {
        var outage = Outage with { Instances = ["instance-a"] };
        var transitions = new[] { At("instance-a", -10, "Closed", "Open", "failure_count"), At("instance-a", 41, "HalfOpen", "Closed", "probe_succeeded") };

        Assert.Contains("did not open", Assert.Single(KillSwitchCheck.Verify(outage, transitions)));
    }

    [Fact]
    public void A_switch_that_never_closed_again_is_reported()
    {
        var outage = Outage with { Instances = ["instance-a"] };
        var transitions = new[] { At("instance-a", 0.4, "Closed", "Open", "failure_count"), At("instance-a", 20.4, "Open", "HalfOpen", "cool_down") };

        Assert.Contains("never closed", Assert.Single(KillSwitchCheck.Verify(outage, transitions)));
    }

    [Fact]
    public void Without_an_outage_there_is_nothing_to_check()
    {
        Assert.Empty(KillSwitchCheck.Verify(null, []));
    }
}
