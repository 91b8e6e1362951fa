using EdaService.Health;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace EdaService.UnitTests.Health;

/// <summary>The composition root registers a health check for each dependency the service cannot work without.</summary>
public sealed class HealthRegistrationTests
{
    [Fact]
    public void Database_transport_consumption_and_every_enabled_building_block_have_a_health_check()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = "UnitTest" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Database:ConnectionString"] = "Host=unused.invalid",
            ["Messaging:InputQueue"] = "orders",
        });
        builder.AddApplicationServices();
        using var services = builder.Services.BuildServiceProvider();

        var registered = services.GetRequiredService<IOptions<HealthCheckServiceOptions>>().Value.Registrations.Select(r => r.Name).ToHashSet();

        string[] expected =
        [
            HealthCheckExtensions.DatabaseCheck,
            HealthCheckExtensions.TransportCheck,
            HealthCheckExtensions.MessagingCheck,
            HealthCheckExtensions.FailurePathCheck,
#if (UseKillSwitch)
            "kill-switch",
#endif
        ];
        Assert.Equal(expected.Order(), registered.Order());
    }
}
