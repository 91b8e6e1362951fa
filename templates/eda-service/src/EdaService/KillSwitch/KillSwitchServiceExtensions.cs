using EdaService.Messaging;
using Microsoft.Extensions.Options;

namespace EdaService.KillSwitch;

public static class KillSwitchServiceExtensions
{
    public const string HealthCheckName = "kill-switch";

    /// <summary>
    /// Stops consumption when failures pile up, so a broken dependency or a poison flood leaves its messages in the queue
    /// instead of moving them all to the error queue; probes with one message after a cool-down and resumes on success.
    /// </summary>
    public static IHostApplicationBuilder AddKillSwitch(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<KillSwitchOptions>().BindConfiguration(KillSwitchOptions.SectionName).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KillSwitchOptions>, KillSwitchOptionsValidator>();
        services.AddOptions<KillSwitchOperatorOptions>().BindConfiguration(KillSwitchOperatorOptions.SectionName);
        services.AddMetrics();
        services.AddSingleton<KillSwitchStateMachine>();
        services.AddSingleton<IKillSwitch>(provider => provider.GetRequiredService<KillSwitchStateMachine>());
        services.AddHostedService<OutageCoverageCheck>();
        services.AddHostedService<ConsumptionController>();
        services.AddHostedService<OperatorTripWatcher>();
        services.AddSingleton(new ConfigureRebus(KillSwitchPipeline.Configure));
        services.AddHealthChecks().AddCheck<KillSwitchHealthCheck>(HealthCheckName);
        return builder;
    }
}
