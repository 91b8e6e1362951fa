using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace EdaService.Health;

/// <summary>
/// A worker has no HTTP endpoint, so health is published to the log: a change of status is logged once, with the
/// failing checks named. TODO: decide whether your platform probes HTTP (add ASP.NET Core's MapHealthChecks) or logs.
/// </summary>
internal sealed partial class HealthReportLogger(ILogger<HealthReportLogger> logger) : IHealthCheckPublisher
{
    private HealthStatus? _last;

    public Task PublishAsync(HealthReport report, CancellationToken cancellationToken)
    {
        if (report.Status != _last)
        {
            _last = report.Status;
            var failing = string.Join(", ", report.Entries.Where(e => e.Value.Status != HealthStatus.Healthy)
                .Select(e => $"{e.Key}: {e.Value.Description ?? e.Value.Exception?.Message}"));
            LogStatus(logger, report.Status, failing);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Health is {Status} {Failing}")]
    private static partial void LogStatus(ILogger logger, HealthStatus status, string failing);
}
