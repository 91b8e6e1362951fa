using Azure.Identity;
using Microsoft.Extensions.Options;
using Rebus.Config;

namespace EdaService.Messaging.AzureServiceBus;

public static class AzureServiceBusTransportExtensions
{
    /// <summary>
    /// Azure Service Bus in PeekLock mode (Rebus never uses ReceiveAndDelete): a message is completed only after the
    /// handler's transaction committed and abandoned when it fails, so a crash mid-handling redelivers it.
    /// </summary>
    public static ConfigureRebus AddAzureServiceBusTransport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AzureServiceBusOptions>().BindConfiguration(AzureServiceBusOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<AzureServiceBusOptions>, AzureServiceBusOptionsValidator>();
        builder.Services.AddSingleton(new ConfigureRebus(MessageSizeGuard.Configure));
        return Configure;
    }

    private static void Configure(RebusConfigurer rebus, IServiceProvider services)
    {
        var options = services.GetRequiredService<IOptions<AzureServiceBusOptions>>().Value;
        var inputQueue = services.GetRequiredService<IOptions<MessagingOptions>>().Value.InputQueue;
        rebus.Transport(t =>
        {
            var settings = string.IsNullOrWhiteSpace(options.ConnectionString)
                ? t.UseAzureServiceBus($"Endpoint=sb://{options.FullyQualifiedNamespace}/", inputQueue, new DefaultAzureCredential())
                : t.UseAzureServiceBus(options.ConnectionString, inputQueue);
            foreach (var configure in services.GetServices<ConfigureAzureServiceBus>())
            {
                configure(settings, services);
            }
        });
    }
}
