using EdaService.Outbox;

namespace EdaService.UnitTests.Outbox;

public sealed class OutboxForwarderOptionsValidatorTests
{
    [Fact]
    public void The_default_polls_as_often_as_Rebus_does()
    {
        var options = new OutboxForwarderOptions();

        Assert.Equal(TimeSpan.FromSeconds(1), options.ForwarderPollInterval);
        Assert.True(new OutboxForwarderOptionsValidator().Validate(null, options).Succeeded);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1.5)] // Rebus polls in whole seconds
    [InlineData(7200)]
    public void A_poll_interval_out_of_range_is_named(double seconds)
    {
        var result = new OutboxForwarderOptionsValidator().Validate(null, new OutboxForwarderOptions { ForwarderPollInterval = TimeSpan.FromSeconds(seconds) });

        Assert.True(result.Failed);
        Assert.Contains("Outbox:ForwarderPollInterval", result.FailureMessage);
    }
}
