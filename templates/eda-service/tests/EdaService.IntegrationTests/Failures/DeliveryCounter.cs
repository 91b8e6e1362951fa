using System.Collections.Concurrent;
using EdaService.IntegrationTests.Infrastructure;
using EdaService.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Pipeline;

namespace EdaService.IntegrationTests.Failures;

/// <summary>
/// Counts the service's deliveries of each test message (by its <see cref="CaseHeader"/>), from the front of the receive
/// pipeline: a message that loops or is retried more often than configured shows up here, whatever the steps after do.
/// </summary>
internal sealed class DeliveryCounter
{
    public const string CaseHeader = "eda-test-case";

    private readonly ConcurrentDictionary<string, int> _deliveries = new();

    public int DeliveriesOf(string caseId) => _deliveries.GetValueOrDefault(caseId);

    /// <summary>Tags <paramref name="message"/> as test case <paramref name="caseId"/>, so it can be counted and found.</summary>
    public static TransportMessage Tag(TransportMessage message, string caseId)
    {
        message.Headers[CaseHeader] = caseId;
        return message;
    }

    /// <summary>The copies of test case <paramref name="caseId"/> waiting in <paramref name="queue"/>.</summary>
    public static async Task<IReadOnlyList<TransportMessage>> CopiesInAsync(ServiceUnderTest service, string queue, string caseId) =>
        (await service.MessagesInAsync(queue)).Where(m => m.Headers.GetValueOrDefault(CaseHeader) == caseId).ToList();

    /// <summary>Adds the counting step to the service's bus; the redelivery loop guard, registered later, stays in front of it.</summary>
    public void AddTo(IServiceCollection services) =>
        services.AddSingleton<ConfigureRebus>((rebus, _) => rebus.Options(o => o.Decorate<IPipeline>(c =>
            new PipelineStepConcatenator(c.Get<IPipeline>()).OnReceive(new CountingStep(this), PipelineAbsolutePosition.Front))));

    [StepDocumentation("Counts deliveries of test messages.")]
    private sealed class CountingStep(DeliveryCounter counter) : IIncomingStep
    {
        public Task Process(IncomingStepContext context, Func<Task> next)
        {
            if (context.Load<TransportMessage>().Headers.TryGetValue(CaseHeader, out var caseId))
            {
                counter._deliveries.AddOrUpdate(caseId, 1, (_, count) => count + 1);
            }

            return next();
        }
    }
}
