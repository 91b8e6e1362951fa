using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdaService.Messaging.Failures;

/// <summary>
/// Degraded for a while after the redelivery loop guard forced a message to the error queue: the service works, but
/// something in its failure handling is broken (a notice that cannot be sent, an error queue that refuses a message)
/// and needs a look before it hides a real outage.
/// </summary>
internal sealed class FailurePathHealthCheck(RedeliveryLoopGuard guard, TimeProvider clock) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (guard.LastForced is { } forced && clock.GetUtcNow() - forced.At < RedeliveryLoopGuard.DegradedFor)
        {
            var data = new Dictionary<string, object>
            {
                ["forced"] = guard.ForcedCount,
                ["lastMessageId"] = forced.MessageId,
                ["lastForcedAt"] = forced.At,
            };
            return Task.FromResult(HealthCheckResult.Degraded(
                $"Message {forced.MessageId} was forced to the error queue at {forced.At:O}: its failure handling kept failing ({guard.ForcedCount} so far)",
                data: data));
        }

        return Task.FromResult(HealthCheckResult.Healthy("No message looped in its failure handling"));
    }
}
