using EdaService.KillSwitch;
using EdaService.Messaging.AzureServiceBus;

namespace EdaService.UnitTests.KillSwitch.AzureServiceBus;

public sealed class KillSwitchPrefetchValidatorTests
{
    [Fact]
    public void Prefetch_is_refused_with_the_kill_switch_naming_both_settings()
    {
        var result = new KillSwitchPrefetchValidator().Validate(null, new PeekLockOptions { Prefetch = 10, AutoRenewLock = false });

        Assert.True(result.Failed);
        Assert.Contains("AzureServiceBus:PeekLock:Prefetch", result.FailureMessage);
        Assert.Contains("KillSwitch", result.FailureMessage);
    }

    [Fact]
    public void No_prefetch_is_accepted() =>
        Assert.True(new KillSwitchPrefetchValidator().Validate(null, new PeekLockOptions { Prefetch = 0 }).Succeeded);
}

public sealed class KillSwitchPrefetchStartupTests
{
    [Fact]
    public async Task The_service_refuses_to_start_with_prefetch_and_the_kill_switch()
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(
            new Microsoft.Extensions.Hosting.HostApplicationBuilderSettings { EnvironmentName = "UnitTest" });
        Microsoft.Extensions.Configuration.MemoryConfigurationBuilderExtensions.AddInMemoryCollection(builder.Configuration, new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Host=unused.invalid",
            ["Messaging:InputQueue"] = "orders",
            ["AzureServiceBus:ConnectionString"] = "Endpoint=sb://unused.invalid/;SharedAccessKeyName=k;SharedAccessKey=v",
            ["AzureServiceBus:PeekLock:Prefetch"] = "10",
            ["AzureServiceBus:PeekLock:AutoRenewLock"] = "false",
            ["AzureServiceBus:PeekLock:LockDuration"] = "00:05:00",
        });
        builder.AddApplicationServices();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("AzureServiceBus:PeekLock:Prefetch must be 0 with the kill switch", error.Message);
    }
}
