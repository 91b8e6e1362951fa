using System.Diagnostics.Metrics;
using EdaService.KillSwitch;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace EdaService.UnitTests.KillSwitch;

internal static class KillSwitchFactory
{
    /// <summary>10 failures in a minute at low volume, half of the attempts from 100 on, 30 s cool-down.</summary>
    public static KillSwitchOptions Options() => new()
    {
        Window = TimeSpan.FromMinutes(1),
        FailureThreshold = 10,
        MinimumAttempts = 100,
        FailureRateThreshold = 0.5,
        CoolDown = TimeSpan.FromSeconds(30),
    };

    public static IMeterFactory NewMeterFactory() =>
        new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();

    public static KillSwitchStateMachine Create(
        FakeTimeProvider clock, KillSwitchOptions? options = null, CapturingLogger<KillSwitchStateMachine>? logger = null, IMeterFactory? meters = null) =>
        new(Microsoft.Extensions.Options.Options.Create(options ?? Options()), clock,
            logger ?? (ILogger<KillSwitchStateMachine>)NullLogger<KillSwitchStateMachine>.Instance, meters ?? NewMeterFactory());
}
