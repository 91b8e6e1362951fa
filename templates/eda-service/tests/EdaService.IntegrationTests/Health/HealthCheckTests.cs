using System.Data.Common;
using EdaService.Data;
using EdaService.Health;
using EdaService.IntegrationTests.Infrastructure;
using EdaService.Messaging.DatabaseTransport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace EdaService.IntegrationTests.Health;

/// <summary>The health checks of the running service against the real database, which is also its transport.</summary>
public sealed class HealthCheckTests(TestDatabase database)
{
    [Fact]
    public async Task Database_transport_and_consumption_report_healthy_with_the_queue_depths()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);

        var report = await service.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync(TestContext.Current.CancellationToken);

        Assert.All([HealthCheckExtensions.DatabaseCheck, HealthCheckExtensions.TransportCheck, HealthCheckExtensions.MessagingCheck],
            name => Assert.Equal(HealthStatus.Healthy, report.Entries[name].Status));
        var transport = report.Entries[HealthCheckExtensions.TransportCheck];
        Assert.Contains(service.InputQueue, transport.Description);
        Assert.Equal(0L, transport.Data[service.ErrorQueue]);
    }

    [Fact]
    public async Task The_transport_check_is_unhealthy_naming_the_queue_when_its_table_cannot_be_read()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        var unreachable = new DbConnectionStringBuilder { ConnectionString = database.ConnectionString };
        unreachable["Database"] = "eda_no_such_database";
        var check = ActivatorUtilities.CreateInstance<TransportHealthCheck>(
            service.Services, Options.Create(new DatabaseOptions { ConnectionString = unreachable.ConnectionString }));

        var result = await check.CheckHealthAsync(new HealthCheckContext(), TestContext.Current.CancellationToken);

        Assert.Equal(HealthStatus.Unhealthy, result.Status);
        Assert.Contains(service.InputQueue, result.Description);
    }
}
