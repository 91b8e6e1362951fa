using EdaService.Data;
using EdaService.Health;
using EdaService.Messaging;
using EdaService.Observability;
#if (UseOutbox)
using EdaService.Outbox;
#endif
#if (UseIdempotency)
using EdaService.Idempotency;
#endif
#if (UseOrdering)
using EdaService.Ordering;
#endif
#if (UseValidation)
using EdaService.Validation;
#endif
#if (UseKillSwitch)
using EdaService.KillSwitch;
#endif
#if (UseAzureServiceBus)
using EdaService.Messaging.AzureServiceBus;
#else
using EdaService.Messaging.DatabaseTransport;
#endif

namespace EdaService;

/// <summary>The composition root: the one place that knows which building blocks this service was generated with.</summary>
public static class ApplicationServiceExtensions
{
    /// <summary>
    /// Registers the service. Tests pass <paramref name="transport"/> to run the same service, with every building block,
    /// on another transport (Rebus's in-memory one instead of a broker).
    /// </summary>
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder, ConfigureRebus? transport = null)
    {
        builder.Services.AddSingleton(TimeProvider.System);
        builder.AddData();
#if (UseOutbox)
        builder.AddAtomicOutbox();
#else
        builder.Services.AddScoped<IUnitOfWork, DirectSendUnitOfWork>();
#endif
#if (UseIdempotency)
        builder.AddIdempotency();
#endif
#if (UseOrdering)
        builder.AddOrdering();
#endif
#if (UseAzureServiceBus)
        var configuredTransport = builder.AddAzureServiceBusTransport();
#endif
#if (UsePeekLock)
        builder.AddPeekLockSettings();
#endif
#if (UseDatabaseTransport)
        var configuredTransport = builder.AddDatabaseTransport();
#endif
#if (UseOutbox && UseDatabaseTransport && UsePostgreSql)
        if (transport is null)
        {
            QueueTableOutgoingMessages.UseWhenQueuesShareTheDatabase(builder);
        }
#endif
#if (UseValidation)
        builder.AddEventValidation();
#endif
        builder.AddMessaging(transport ?? configuredTransport);
#if (UseKillSwitch)
        builder.AddKillSwitch();
#endif
#if (UseKillSwitch && UsePeekLock)
        builder.RefusePrefetchWithKillSwitch();
#endif
        builder.AddServiceHealthChecks();
        builder.AddObservability();
        return builder;
    }
}
