using Microsoft.Extensions.Options;

namespace EdaService.KillSwitch;

/// <summary>
/// Lets an operator trip and reset the switch without HTTP: <c>KillSwitch:Operator:Trip</c> read at start and on every
/// configuration reload. Only a change of the flag acts, so a reload for another setting never resets a tripped switch.
/// </summary>
internal sealed class OperatorTripWatcher(IKillSwitch killSwitch, IOptionsMonitor<KillSwitchOperatorOptions> options) : IHostedService
{
    private readonly Lock _lock = new();
    private IDisposable? _subscription;
    private bool _tripped;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        Apply(options.CurrentValue);
        _subscription = options.OnChange(Apply);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        _subscription?.Dispose();
        return Task.CompletedTask;
    }

    private void Apply(KillSwitchOperatorOptions value)
    {
        lock (_lock)
        {
            if (value.Trip == _tripped)
            {
                return;
            }

            _tripped = value.Trip;
            if (value.Trip)
            {
                var reason = string.IsNullOrWhiteSpace(value.Reason) ? "no reason given" : value.Reason;
                killSwitch.Trip($"{KillSwitchOperatorOptions.SectionName}:Trip is true ({reason})");
            }
            else
            {
                killSwitch.Reset();
            }
        }
    }
}
