using Rebus.Config;
using Rebus.Pipeline;
using Rebus.Retry;
using Rebus.Retry.FailFast;
using Rebus.Retry.Simple;

namespace EdaService.KillSwitch;

internal static class KillSwitchPipeline
{
    /// <summary>
    /// The gate goes just before Rebus's retry step and the counter just after it; the error tracker keeps the retry step
    /// from dead-lettering while the switch is not closed. A replaced retry strategy without <see cref="DefaultRetryStep"/>
    /// fails the bus's start instead of silently counting nothing.
    /// </summary>
    public static void Configure(RebusConfigurer rebus, IServiceProvider services)
    {
        var killSwitch = services.GetRequiredService<KillSwitchStateMachine>();
        rebus.Options(o =>
        {
            o.Decorate<IPipeline>(c => new PipelineStepInjector(c.Get<IPipeline>())
                .OnReceive(new KillSwitchGateStep(killSwitch), PipelineRelativePosition.Before, typeof(DefaultRetryStep))
                .OnReceive(new KillSwitchCountingStep(killSwitch, new FailureClassifier(c.Get<IFailFastChecker>())),
                    PipelineRelativePosition.After, typeof(DefaultRetryStep)));
            o.Decorate<IErrorTracker>(c => new KillSwitchErrorTracker(c.Get<IErrorTracker>(), killSwitch));
        });
    }
}
