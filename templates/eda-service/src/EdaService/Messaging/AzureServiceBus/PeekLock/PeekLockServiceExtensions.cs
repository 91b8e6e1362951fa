using Microsoft.Extensions.Options;
using Rebus.Config;

namespace EdaService.Messaging.AzureServiceBus;

public static class PeekLockServiceExtensions
{
    /// <summary>Applies the validated <see cref="PeekLockOptions"/> to the transport.</summary>
    public static IHostApplicationBuilder AddPeekLockSettings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PeekLockOptions>().BindConfiguration(PeekLockOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PeekLockOptions>, PeekLockOptionsValidator>();
        builder.Services.AddSingleton(new ConfigureAzureServiceBus(Apply));
        return builder;
    }

    private static void Apply(AzureServiceBusTransportSettings settings, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<PeekLockOptions>>().Value;
        settings.SetMessagePeekLockDuration(options.LockDuration);
        if (options.AutoRenewLock)
        {
            settings.AutomaticallyRenewPeekLock();
        }

        if (options.Prefetch > 0)
        {
            settings.EnablePrefetching(options.Prefetch);
        }
    }
}
