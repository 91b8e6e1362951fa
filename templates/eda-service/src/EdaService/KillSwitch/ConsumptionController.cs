using EdaService.Messaging;
using Microsoft.Extensions.Options;
using Rebus.Bus;

namespace EdaService.KillSwitch;

/// <summary>
/// Sets Rebus's workers to follow the switch: 0 when open, 1 when half-open, the configured number when closed.
/// SetNumberOfWorkers blocks until the removed workers stopped, so it runs here, on this service's own task: called from
/// the handler whose failure tripped the switch it would deadlock. Not before the host has started (Rebus.ServiceProvider
/// starts the bus with the configured workers) nor once it is stopping (Rebus.ServiceProvider then sets 0 for good).
/// </summary>
internal sealed partial class ConsumptionController(
    KillSwitchStateMachine killSwitch,
    IServiceProvider services,
    IOptions<MessagingOptions> messaging,
    IHostApplicationLifetime lifetime,
    ILogger<ConsumptionController> logger) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);
    private readonly SemaphoreSlim _changed = new(0);

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        killSwitch.Transitioned += OnTransitioned;
        return base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        killSwitch.Transitioned -= OnTransitioned;
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _changed.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await WhenStartedAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                Apply();
                await _changed.WaitAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                // A failure here must not stop the host (nor leave the workers wrong for good): try again shortly.
                LogApplyFailed(logger, exception);
                await Task.Delay(RetryDelay, stoppingToken);
            }
        }
    }

    private void OnTransitioned(KillSwitchTransition transition) => _changed.Release();

    private void Apply()
    {
        var state = killSwitch.State;
        var desired = state switch
        {
            KillSwitchState.Open => 0,
            KillSwitchState.HalfOpen => 1,
            _ => messaging.Value.Workers,
        };
        var workers = services.GetRequiredService<IBus>().Advanced.Workers;
        if (lifetime.ApplicationStopping.IsCancellationRequested || workers.Count == desired)
        {
            return;
        }

        workers.SetNumberOfWorkers(desired);
        LogWorkers(logger, desired, state);

        // Stopping began while we set them: leave none running, as Rebus.ServiceProvider intended.
        if (lifetime.ApplicationStopping.IsCancellationRequested)
        {
            workers.SetNumberOfWorkers(0);
        }
    }

    private async Task WhenStartedAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var registration = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        await started.Task.WaitAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Workers set to {Workers} (kill switch {State})")]
    private static partial void LogWorkers(ILogger logger, int workers, KillSwitchState state);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not set the workers to follow the kill switch; trying again")]
    private static partial void LogApplyFailed(ILogger logger, Exception exception);
}
