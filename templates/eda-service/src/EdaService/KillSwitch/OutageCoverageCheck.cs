using EdaService.Messaging;
using Microsoft.Extensions.Options;

namespace EdaService.KillSwitch;

/// <summary>
/// Warns at startup when an outage can dead-letter messages before the switch trips. In an outage every message in flight
/// fails; each can fail MaxDeliveryAttempts - 1 times and go back to the queue, so the switch is sure to trip first only
/// when MaxParallelism x (MaxDeliveryAttempts - 1) failures reach FailureThreshold. Valid settings otherwise (a team may
/// choose a high threshold), so a warning naming the three, not a failed start.
/// </summary>
internal sealed partial class OutageCoverageCheck(
    IOptions<KillSwitchOptions> killSwitch, IOptions<MessagingOptions> messaging, ILogger<OutageCoverageCheck> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var (parallelism, attempts, threshold) =
            (messaging.Value.MaxParallelism, messaging.Value.MaxDeliveryAttempts, killSwitch.Value.FailureThreshold);
        var failuresInFlight = parallelism * (attempts - 1);
        if (failuresInFlight < threshold)
        {
            LogUncovered(logger, threshold, parallelism, attempts, failuresInFlight);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message =
        "KillSwitch:FailureThreshold ({FailureThreshold}) is more than Messaging:MaxParallelism ({MaxParallelism}) x " +
        "(Messaging:MaxDeliveryAttempts ({MaxDeliveryAttempts}) - 1) = {FailuresInFlight}: in an outage, messages in flight " +
        "can use up their attempts and go to the error queue before the kill switch trips. Lower the threshold or raise one of the other two")]
    private static partial void LogUncovered(ILogger logger, int failureThreshold, int maxParallelism, int maxDeliveryAttempts, int failuresInFlight);
}
