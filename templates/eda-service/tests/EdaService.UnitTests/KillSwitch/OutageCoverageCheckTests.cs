using EdaService.KillSwitch;
using EdaService.Messaging;
using Microsoft.Extensions.Logging;

namespace EdaService.UnitTests.KillSwitch;

/// <summary>Startup says so when an outage could dead-letter messages before the switch trips.</summary>
public sealed class OutageCoverageCheckTests
{
    [Theory]
    [InlineData(8)] // the Database transport's default
    [InlineData(20)] // the brokers' default
    public async Task The_shipped_defaults_raise_no_warning(int maxParallelism)
    {
        var logger = await StartAsync(new KillSwitchOptions(), new MessagingOptions { MaxParallelism = maxParallelism });

        Assert.Empty(logger.Entries);
    }

    [Fact]
    public async Task A_threshold_above_the_failures_in_flight_is_a_warning_naming_the_three_settings()
    {
        var logger = await StartAsync(
            new KillSwitchOptions { FailureThreshold = 40, MinimumAttempts = 100 },
            new MessagingOptions { MaxParallelism = 4, MaxDeliveryAttempts = 5 });

        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("KillSwitch:FailureThreshold (40)", warning.Message);
        Assert.Contains("Messaging:MaxParallelism (4)", warning.Message);
        Assert.Contains("Messaging:MaxDeliveryAttempts (5)", warning.Message);
        Assert.Equal(16, warning.Values["FailuresInFlight"]);
    }

    [Fact]
    public async Task Exactly_enough_failures_in_flight_is_no_warning()
    {
        var logger = await StartAsync(
            new KillSwitchOptions { FailureThreshold = 16, MinimumAttempts = 100 },
            new MessagingOptions { MaxParallelism = 4, MaxDeliveryAttempts = 5 });

        Assert.Empty(logger.Entries);
    }

    private static async Task<CapturingLogger<OutageCoverageCheck>> StartAsync(KillSwitchOptions killSwitch, MessagingOptions messaging)
    {
        var logger = new CapturingLogger<OutageCoverageCheck>();
        var check = new OutageCoverageCheck(
            Microsoft.Extensions.Options.Options.Create(killSwitch), Microsoft.Extensions.Options.Options.Create(messaging), logger);
        await check.StartAsync(TestContext.Current.CancellationToken);
        return logger;
    }
}
