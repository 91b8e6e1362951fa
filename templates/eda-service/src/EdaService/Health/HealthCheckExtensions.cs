using EdaService.Data;
using EdaService.Messaging.Failures;
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
    public const string FailurePathCheck = "failure-path";

    /// <summary>Database, transport (queue depths), consumption and failure-path checks (the kill switch adds its own); <see cref="HealthReportLogger"/> logs every change of status.</summary>
    public static IHostApplicationBuilder AddServiceHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<EdaServiceDbContext>(DatabaseCheck)
            .AddCheck<TransportHealthCheck>(TransportCheck)
            .AddCheck<MessagingHealthCheck>(MessagingCheck)
            .AddCheck<FailurePathHealthCheck>(FailurePathCheck);
        builder.Services.AddSingleton<Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheckPublisher, HealthReportLogger>();
        return builder;
    }
}
