using EdaService.Ordering;

namespace EdaService.UnitTests.Ordering;

public sealed class OrderingOptionsValidatorTests
{
    [Fact]
    public void The_defaults_are_valid() => Assert.True(new OrderingOptionsValidator().Validate(null, new OrderingOptions()).Succeeded);

    [Fact]
    public void An_unbounded_or_instant_retry_is_named()
    {
        var result = new OrderingOptionsValidator().Validate(null, new OrderingOptions { GapRetryDelay = TimeSpan.Zero, MaxGapRetries = 0 });

        Assert.Contains("Ordering:GapRetryDelay", result.FailureMessage);
        Assert.Contains("Ordering:MaxGapRetries", result.FailureMessage);
    }
}
