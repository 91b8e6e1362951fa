using EdaService.Messaging;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Pipeline;
using Rebus.Retry;
using Rebus.Transport;

namespace EdaService.IntegrationTests.Failures;

/// <summary>Faults in the failure path itself, for test messages (those with <see cref="DeliveryCounter.CaseHeader"/>) only.</summary>
internal static class FailureInjection
{
    /// <summary>Rebus's error handler throws before (or after) it moved the message to the error queue.</summary>
    public static void ErrorHandlerThrows(IServiceCollection services, bool afterTheMove) =>
        services.AddSingleton<ConfigureRebus>((rebus, _) => rebus.Options(o =>
            o.Decorate<IErrorHandler>(c => new ThrowingErrorHandler(c.Get<IErrorHandler>(), afterTheMove))));

    /// <summary>A step in front of Rebus's retry step throws on every delivery, so no error handler ever sees the message.</summary>
    public static void StepOutsideTheRetryStepThrows(IServiceCollection services) =>
        services.AddSingleton<ConfigureRebus>((rebus, _) => rebus.Options(o => o.Decorate<IPipeline>(c =>
            new PipelineStepConcatenator(c.Get<IPipeline>()).OnReceive(new ThrowingStep(), PipelineAbsolutePosition.Front))));

    private static bool IsTestMessage(TransportMessage message) => message.Headers.ContainsKey(DeliveryCounter.CaseHeader);

    private sealed class ThrowingErrorHandler(IErrorHandler inner, bool afterTheMove) : IErrorHandler
    {
        public async Task HandlePoisonMessage(TransportMessage transportMessage, ITransactionContext transactionContext, ExceptionInfo exception)
        {
            if (!IsTestMessage(transportMessage))
            {
                await inner.HandlePoisonMessage(transportMessage, transactionContext, exception);
                return;
            }

            if (afterTheMove)
            {
                await inner.HandlePoisonMessage(transportMessage, transactionContext, exception);
            }

            throw new InvalidOperationException("injected fault: the error handler throws");
        }
    }

    [StepDocumentation("Throws for test messages, outside the retry step.")]
    private sealed class ThrowingStep : IIncomingStep
    {
        public Task Process(IncomingStepContext context, Func<Task> next) =>
            IsTestMessage(context.Load<TransportMessage>()) ? throw new InvalidOperationException("injected fault: a step outside the retry step throws") : next();
    }
}

/// <summary>Fails the handler's first <paramref name="failures"/> saves after the business rows were written, with <paramref name="fault"/>.</summary>
internal sealed class FailingSavesInterceptor(int failures, Func<Exception> fault) : SaveChangesInterceptor
{
    private int _saves;

    public int Saves => _saves;

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref _saves) <= failures ? throw fault() : ValueTask.FromResult(result);
}
