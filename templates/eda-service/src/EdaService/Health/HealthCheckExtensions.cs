using EdaService.Data;
#if (UseAzureServiceBus)
using EdaService.Messaging.AzureServiceBus;
#else
using EdaService.Messaging.DatabaseTransport;
#endif

namespace EdaService.Health;

public static class HealthCheckExtensions
{
    public const string DatabaseCheck = "database";
    public const string TransportCheck = "transport";
    public const string MessagingCheck = "messaging";

    /// <summary>Database, transport (queue depths) and consumption checks (the kill switch adds its own); <see cref="HealthReportLogger"/> logs every change of status.</summary>
    public static IHostApplicationBuilder AddServiceHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<EdaServiceDbContext>(DatabaseCheck)
            .AddCheck<TransportHealthCheck>(TransportCheck)
            .AddCheck<MessagingHealthCheck>(MessagingCheck);
        builder.Services.AddSingleton<Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheckPublisher, HealthReportLogger>();
        return builder;
    }
}
