using EdaService.KillSwitch;
using EdaService.Messaging;

namespace EdaService.UnitTests.KillSwitch;

public sealed class KillSwitchOptionsValidatorTests
{
    private static readonly KillSwitchOptionsValidator Validator =
        new(Microsoft.Extensions.Options.Options.Create(new MessagingOptions { InputQueue = "orders", MaxDeliveryAttempts = 5 }));

    [Fact]
    public void The_defaults_are_valid_and_need_several_poison_messages_to_trip()
    {
        var options = new KillSwitchOptions();

        Assert.True(Validator.Validate(null, options).Succeeded);
        Assert.True(options.FailureThreshold >= 4 * new MessagingOptions().MaxDeliveryAttempts);
    }

    [Theory]
    [InlineData("KillSwitch:FailureThreshold", 5, 100, 0.5, 60, 60)]
    [InlineData("KillSwitch:MinimumAttempts", 20, 20, 0.5, 60, 60)]
    [InlineData("KillSwitch:FailureRateThreshold", 20, 100, 0, 60, 60)]
    [InlineData("KillSwitch:FailureRateThreshold", 20, 100, 1.5, 60, 60)]
    [InlineData("KillSwitch:Window", 20, 100, 0.5, 0, 60)]
    [InlineData("KillSwitch:CoolDown", 20, 100, 0.5, 60, 0)]
    public void An_invalid_setting_is_named(string setting, int threshold, int minimumAttempts, double rate, int windowSeconds, int coolDownSeconds)
    {
        var options = new KillSwitchOptions
        {
            FailureThreshold = threshold,
            MinimumAttempts = minimumAttempts,
            FailureRateThreshold = rate,
            Window = TimeSpan.FromSeconds(windowSeconds),
            CoolDown = TimeSpan.FromSeconds(coolDownSeconds),
        };

        var result = Validator.Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains(setting, result.FailureMessage);
    }

    [Fact]
    public void A_threshold_one_poison_message_reaches_names_the_delivery_attempts()
    {
        var result = Validator.Validate(null, new KillSwitchOptions { FailureThreshold = 5 });

        Assert.Contains("Messaging:MaxDeliveryAttempts", result.FailureMessage);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(21)]
    public void A_connection_failure_threshold_outside_one_to_the_failure_threshold_is_named(int threshold)
    {
        var result = Validator.Validate(null, new KillSwitchOptions { FailureThreshold = 20, ConnectionFailureThreshold = threshold });

        Assert.True(result.Failed);
        Assert.Contains("KillSwitch:ConnectionFailureThreshold", result.FailureMessage);
    }
}
