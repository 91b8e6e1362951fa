using EdaService.Messaging.AzureServiceBus;
using Microsoft.Extensions.Options;

namespace EdaService.KillSwitch;

public static class KillSwitchPrefetchExtensions
{
    /// <summary>Adds <see cref="KillSwitchPrefetchValidator"/> to the PeekLock settings' validation on start.</summary>
    public static IHostApplicationBuilder RefusePrefetchWithKillSwitch(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IValidateOptions<PeekLockOptions>, KillSwitchPrefetchValidator>();
        return builder;
    }
}
