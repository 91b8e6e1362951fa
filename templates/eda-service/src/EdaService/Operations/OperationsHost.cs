using EdaService.Data;
using EdaService.Messaging;
#if (UseAzureServiceBus)
using EdaService.Messaging.AzureServiceBus;
#else
using EdaService.Messaging.DatabaseTransport;
#endif
using Microsoft.Extensions.Options;

namespace EdaService.Operations;

/// <summary>
/// What an operations command (<c>replay-errors</c>, <c>send-sample</c>) runs on: the service's own configuration,
/// database and transport, validated as at startup, without its consumers. A command never reaches a queue the service
/// does not use.
/// </summary>
internal static class OperationsHost
{
    public static (IHost Host, ConfigureRebus Transport) Build(HostApplicationBuilder builder)
    {
        builder.AddData();
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>();
#if (UseAzureServiceBus)
        var transport = builder.AddAzureServiceBusTransport();
#else
        var transport = builder.AddDatabaseTransport();
#endif
        return (builder.Build(), transport);
    }
}
