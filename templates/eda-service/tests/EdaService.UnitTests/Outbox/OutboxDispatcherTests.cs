using EdaService.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Rebus.Messages;

namespace EdaService.UnitTests.Outbox;

public sealed class OutboxDispatcherTests
{
    [Fact]
    public void Beyond_its_capacity_a_committed_message_is_left_to_the_forwarder_not_held_in_memory()
    {
        using var services = new ServiceCollection().BuildServiceProvider();
        var dispatcher = new OutboxDispatcher(services.GetRequiredService<IServiceScopeFactory>(), NullLogger<OutboxDispatcher>.Instance);

        // Not running: as when the passes fall behind a sustained load.
        dispatcher.Dispatch([.. Enumerable.Range(0, OutboxDispatcher.Capacity + 500).Select(Committed)]);

        Assert.Equal(OutboxDispatcher.Capacity, dispatcher.Waiting);
    }

    private static OutboxMessage Committed(int number) =>
        OutboxMessage.From("orders", new TransportMessage(new Dictionary<string, string> { [Headers.MessageId] = $"message-{number}" }, []));
}
