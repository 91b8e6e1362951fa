using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdaService.UnitTests.KillSwitch;

/// <summary>The real composition root validates the KillSwitch section on start.</summary>
public sealed class KillSwitchStartupTests
{
    [Fact]
    public async Task A_threshold_one_poison_message_would_reach_stops_startup_naming_the_setting()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "UnitTest" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Host=unused.invalid",
            ["Messaging:InputQueue"] = "orders",
            ["Messaging:MaxDeliveryAttempts"] = "5",
            ["AzureServiceBus:ConnectionString"] = "Endpoint=sb://unused.invalid/;SharedAccessKeyName=k;SharedAccessKey=v",
            ["KillSwitch:FailureThreshold"] = "5",
        });
        builder.AddApplicationServices();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains("KillSwitch:FailureThreshold", error.Message);
    }
}
