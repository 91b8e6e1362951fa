using EdaService.Messaging;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Persistence.InMem;
using Rebus.Transport.InMem;

namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>Rebus's in-memory transport stands in for the broker; the database is real.</summary>
internal sealed class InMemoryTestTransport : ITestTransport
{
    private readonly InMemNetwork _network = new();

    public ConfigureRebus? ServiceTransport => (rebus, services) =>
    {
        var inputQueue = services.GetRequiredService<IOptions<MessagingOptions>>().Value.InputQueue;
        rebus.Transport(t => t.UseInMemoryTransport(_network, inputQueue));
        // The in-memory transport has no native deferral; Azure Service Bus schedules messages itself.
        rebus.Timeouts(t => t.StoreInMemory());
    };

    public void ConfigureObserver(RebusConfigurer rebus, string queue) =>
        rebus.Transport(t => t.UseInMemoryTransport(_network, queue));

    public Task<IReadOnlyList<TransportMessage>> GetMessagesAsync(string queue) =>
        Task.FromResult<IReadOnlyList<TransportMessage>>(_network.GetMessages(queue).Select(m => m.ToTransportMessage()).ToList());
}
