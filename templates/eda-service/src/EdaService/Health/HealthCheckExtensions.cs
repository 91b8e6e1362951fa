using EdaService.Data;

namespace EdaService.Health;

public static class HealthCheckExtensions
{
    /// <summary>Database and consumption checks; <see cref="HealthReportLogger"/> logs every change of status.</summary>
    public static IHostApplicationBuilder AddServiceHealthChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks()
            .AddDbContextCheck<EdaServiceDbContext>("database")
            .AddCheck<MessagingHealthCheck>("messaging");
        builder.Services.AddSingleton<Microsoft.Extensions.Diagnostics.HealthChecks.IHealthCheckPublisher, HealthReportLogger>();
        return builder;
    }
}
