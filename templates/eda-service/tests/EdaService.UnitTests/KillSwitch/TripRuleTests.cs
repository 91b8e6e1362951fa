using EdaService.KillSwitch;

namespace EdaService.UnitTests.KillSwitch;

/// <summary>Threshold 10, minimum attempts 100, rate 0.5.</summary>
public sealed class TripRuleTests
{
    private readonly TripRule _rule = new(KillSwitchFactory.Options());

    [Theory]
    [InlineData(9, 9, null)]
    [InlineData(10, 10, "failure_count")]
    [InlineData(99, 10, "failure_count")]
    [InlineData(100, 10, null)]
    [InlineData(100, 49, null)]
    [InlineData(100, 50, "failure_rate")]
    [InlineData(10_000, 4_999, null)]
    [InlineData(10_000, 5_000, "failure_rate")]
    public void The_count_decides_below_the_minimum_attempts_and_the_rate_from_there(int attempts, int failures, string? trigger) =>
        Assert.Equal(trigger, _rule.Evaluate(attempts, failures, failuresInARow: 1)?.Trigger);

    [Theory]
    [InlineData(10_000, 10, 9, null)]
    [InlineData(10_000, 10, 10, "failure_streak")]
    [InlineData(100, 40, 10, "failure_streak")]
    [InlineData(99, 10, 10, "failure_count")]
    public void From_the_minimum_attempts_on_a_run_of_failures_trips_it_whatever_the_rate(
        int attempts, int failures, int failuresInARow, string? trigger) =>
        Assert.Equal(trigger, _rule.Evaluate(attempts, failures, failuresInARow)?.Trigger);

    [Theory]
    [InlineData(4, 4, null)]
    [InlineData(5, 5, "connection_failures")]
    [InlineData(10_000, 5, "connection_failures")]
    public void Connection_failures_in_a_row_trip_it_at_their_own_lower_threshold(int attempts, int connectionFailures, string? trigger) =>
        Assert.Equal(trigger, _rule.Evaluate(attempts, connectionFailures, connectionFailures, connectionFailures)?.Trigger);
}
