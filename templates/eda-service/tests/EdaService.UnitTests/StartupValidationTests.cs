using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdaService.UnitTests;

/// <summary>The real composition root refuses to start, naming the setting, when required configuration is missing.</summary>
public sealed class StartupValidationTests
{
    [Theory]
    [InlineData("Database:ConnectionString")]
    [InlineData("Messaging:InputQueue")]
    public async Task Startup_fails_naming_the_missing_setting(string setting)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Host=unused.invalid",
            ["Messaging:InputQueue"] = "orders",
            ["AzureServiceBus:ConnectionString"] = "Endpoint=sb://unused.invalid/;SharedAccessKeyName=k;SharedAccessKey=v",
            [setting] = "",
        };
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "UnitTest" });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddApplicationServices();
        using var host = builder.Build();

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.Contains(setting, error.Message);
    }
}
