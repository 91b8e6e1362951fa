using Microsoft.Extensions.Diagnostics.HealthChecks;
using Rebus.Bus;

namespace EdaService.Health;

/// <summary>Unhealthy when no worker is taking messages, so a stalled consumer is noticed before the queue backs up.</summary>
internal sealed class MessagingHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var workers = services.GetRequiredService<IBus>().Advanced.Workers.Count;
        return Task.FromResult(workers > 0
            ? HealthCheckResult.Healthy($"{workers} workers consuming")
            : HealthCheckResult.Unhealthy("No workers are consuming messages"));
    }
}
