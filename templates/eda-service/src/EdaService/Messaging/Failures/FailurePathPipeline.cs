using Microsoft.Extensions.Options;
using Rebus.Config;
using Rebus.Pipeline;
using Rebus.Retry;
using Rebus.Retry.FailFast;
using Rebus.Retry.Simple;
using Rebus.Transport;

namespace EdaService.Messaging.Failures;

/// <summary>
/// Wires the failure path so that it cannot fail: delayed retries for transient failures, a fallback for error handling
/// that throws, and the redelivery loop guard. Rebus applies decorators in the order they are registered, so
/// <see cref="ConfigureInnermost"/> runs before every building block's configuration and <see cref="ConfigureOutermost"/>
/// after them.
/// </summary>
internal static class FailurePathPipeline
{
    public static IServiceCollection AddFailurePath(this IServiceCollection services)
    {
        services.AddMetrics();
        services.AddSingleton<FailurePathMetrics>();
        services.AddSingleton(provider => new RedeliveryLoopGuard(
            provider.GetRequiredService<IOptions<MessagingOptions>>().Value.RedeliveryLoopLimit, provider.GetRequiredService<TimeProvider>()));
        return services;
    }

    /// <summary>Wraps Rebus's own error handler, the move to the error queue, before anything else decorates it.</summary>
    public static DeadLetterMoveHolder ConfigureInnermost(OptionsConfigurer o)
    {
        var holder = new DeadLetterMoveHolder();
        o.Decorate<IErrorHandler>(c => holder.Move = new DeadLetterMove(c.Get<IErrorHandler>()));
        return holder;
    }

    public static void ConfigureOutermost(OptionsConfigurer o, IServiceProvider services, DeadLetterMoveHolder holder, MessagingOptions options)
    {
        var metrics = services.GetRequiredService<FailurePathMetrics>();
        var logging = services.GetRequiredService<ILoggerFactory>();
        o.Decorate<IErrorHandler>(c => new TransientRetryErrorHandler(
            c.Get<IErrorHandler>(), c.Get<ITransport>(), c.Get<IFailFastChecker>(), options.EffectiveTransientRetryDelays,
            services.GetRequiredService<TimeProvider>(), logging.CreateLogger<TransientRetryErrorHandler>()));
        o.Decorate<IErrorHandler>(c =>
        {
            var decorated = c.Get<IErrorHandler>();
            return new DeadLetterFallbackErrorHandler(decorated, holder.Move!, metrics, logging.CreateLogger<DeadLetterFallbackErrorHandler>());
        });
        o.Decorate<IPipeline>(c => new PipelineStepInjector(c.Get<IPipeline>())
            .OnReceive(new RecordFailureStep(), PipelineRelativePosition.After, typeof(DefaultRetryStep)));
        // Registered last, so it is the very first step: it sees every delivery, whatever the steps after it do.
        o.Decorate<IPipeline>(c => new PipelineStepConcatenator(c.Get<IPipeline>())
            .OnReceive(new RedeliveryLoopGuardStep(services.GetRequiredService<RedeliveryLoopGuard>(), c.Get<ITransport>(), options.ErrorQueue,
                metrics, logging.CreateLogger<RedeliveryLoopGuardStep>()), PipelineAbsolutePosition.Front));
    }

    /// <summary>Rebus creates the decorators while the bus starts; the fallback gets the innermost one from here.</summary>
    internal sealed class DeadLetterMoveHolder
    {
        public DeadLetterMove? Move { get; set; }
    }
}
