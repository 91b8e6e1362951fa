using EdaService.Messaging.Envelope;
using EdaService.Messaging.Failures;
using Microsoft.Extensions.Options;
using Rebus.Backoff;
using Rebus.Config;
using Rebus.Retry.Simple;

namespace EdaService.Messaging;

public static class MessagingServiceExtensions
{
    public static IHostApplicationBuilder AddMessaging(this IHostApplicationBuilder builder, ConfigureRebus transport)
    {
        builder.Services.AddOptions<MessagingOptions>().BindConfiguration(MessagingOptions.SectionName).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<MessagingOptions>, MessagingOptionsValidator>();

        builder.Services.AddHandlersFromHandlersFolder();
        builder.Services.AddFailurePath();
        builder.Services.AddRebus(
            (rebus, services) =>
            {
                var options = services.GetRequiredService<IOptions<MessagingOptions>>().Value;
                transport(rebus, services);
                FailurePathPipeline.DeadLetterMoveHolder? deadLetterMove = null;
                rebus.Options(o => deadLetterMove = FailurePathPipeline.ConfigureInnermost(o));
                foreach (var feature in services.GetServices<ConfigureRebus>())
                {
                    feature(rebus, services);
                }

                return rebus.Options(o =>
                {
                    o.SetNumberOfWorkers(options.Workers);
                    o.SetMaxParallelism(options.MaxParallelism);
                    o.SetBackoffTimes(options.EffectiveBackoffTimes);
                    o.RetryStrategy(errorQueueName: options.ErrorQueue, maxDeliveryAttempts: options.MaxDeliveryAttempts);
                    EnvelopePipeline.Configure(o);
                    FailurePathPipeline.ConfigureOutermost(o, services, deadLetterMove!, options);
                });
            },
            onCreated: async (bus, services) =>
            {
                foreach (var subscription in services.GetServices<Subscription>())
                {
                    await bus.Subscribe(subscription.EventType);
                }
            });
        return builder;
    }
}
