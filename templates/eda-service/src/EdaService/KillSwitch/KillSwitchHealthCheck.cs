using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdaService.KillSwitch;

/// <summary>
/// Unhealthy while open (nothing is consumed; the reason and what happens next are in the description), Degraded while
/// a probe runs. Do not restart the process on it: the switch lives in memory, so a restart closes it and the flood resumes.
/// </summary>
internal sealed class KillSwitchHealthCheck(IKillSwitch killSwitch) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var status = killSwitch.Status;
        var result = status.State switch
        {
            KillSwitchState.Open => HealthCheckResult.Unhealthy(
                $"Kill switch open since {status.Since:o}: {status.Reason}. Consumption is stopped; messages stay in the queue. " +
                (status.ByOperator
                    ? $"Tripped by hand: set {KillSwitchOperatorOptions.SectionName}:Trip to false to resume."
                    : $"One probe message goes through at {status.ProbeAt:o}.")),
            KillSwitchState.HalfOpen => HealthCheckResult.Degraded(
                $"Kill switch half-open since {status.Since:o}: one probe message decides whether consumption resumes."),
            _ => HealthCheckResult.Healthy("Kill switch closed: consuming."),
        };
        return Task.FromResult(result);
    }
}
