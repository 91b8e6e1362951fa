using EdaService.Messaging;

namespace EdaService.UnitTests.Messaging;

public sealed class MessagingOptionsValidatorTests
{
    private static MessagingOptions Valid() => new() { InputQueue = "orders", ErrorQueue = "error" };

    [Fact]
    public void Defaults_with_an_input_queue_are_valid()
    {
        Assert.True(new MessagingOptionsValidator().Validate(null, Valid()).Succeeded);
    }

    public static TheoryData<string, Action<MessagingOptions>> InvalidSettings => new()
    {
        { "Messaging:InputQueue", o => o.InputQueue = "" },
        { "Messaging:ErrorQueue", o => o.ErrorQueue = " " },
        { "Messaging:ErrorQueue must differ", o => o.ErrorQueue = "ORDERS" },
        { "Messaging:Workers", o => o.Workers = 0 },
        { "Messaging:MaxParallelism", o => o.MaxParallelism = 0 },
        { "Messaging:MaxDeliveryAttempts", o => o.MaxDeliveryAttempts = 0 },
        { "Messaging:BackoffTimes", o => o.BackoffTimes = [TimeSpan.Zero] },
        { "Messaging:TransientRetryDelays", o => o.TransientRetryDelays = [TimeSpan.FromMilliseconds(500)] },
        { "Messaging:TransientRetryDelays", o => o.TransientRetryDelays = [TimeSpan.FromDays(2)] },
        { "Messaging:TransientRetryDelays has 11 entries", o => o.TransientRetryDelays = Enumerable.Repeat(TimeSpan.FromSeconds(1), 11).ToArray() },
        { "Messaging:RedeliveryLoopLimit", o => o.RedeliveryLoopLimit = 0 },
        { "Messaging:RedeliveryLoopLimit", o => o.RedeliveryLoopLimit = 101 },
    };

    [Theory]
    [MemberData(nameof(InvalidSettings))]
    public void An_invalid_setting_is_named(string expected, Action<MessagingOptions> breakIt)
    {
        var options = Valid();
        breakIt(options);

        var result = new MessagingOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(expected, result.FailureMessage);
    }

    [Fact]
    public void Empty_backoff_times_fall_back_to_the_measured_defaults()
    {
        Assert.Equal(MessagingOptions.DefaultBackoffTimes, Valid().EffectiveBackoffTimes);
        Assert.True(MessagingOptions.DefaultBackoffTimes[0] < TimeSpan.FromMilliseconds(100));
    }

    [Fact]
    public void Empty_transient_retry_delays_fall_back_to_backoff_from_seconds_to_minutes()
    {
        Assert.Equal(MessagingOptions.DefaultTransientRetryDelays, Valid().EffectiveTransientRetryDelays);
        Assert.Equal([TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5)], MessagingOptions.DefaultTransientRetryDelays);
    }
}
