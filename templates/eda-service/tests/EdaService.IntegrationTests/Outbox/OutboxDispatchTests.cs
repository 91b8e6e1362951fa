using EdaService.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace EdaService.IntegrationTests.Outbox;

/// <summary>
/// What a unit of work committed to the outbox is sent right away, not at the forwarder's next poll; when that send
/// fails, the row is still there for the forwarder.
/// </summary>
public sealed class OutboxDispatchTests(TestDatabase database)
{
    [Fact]
    public async Task A_committed_event_is_sent_without_waiting_for_the_forwarders_poll()
    {
        // An hour between polls: only the dispatch after the commit can send the event within the test's patience.
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, settings: Settings(forwarderPoll: "01:00:00"));

        var placed = await service.PlaceOrderAsync();

        await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
    }

    [Fact]
    public async Task A_dispatch_that_fails_leaves_the_row_and_the_forwarder_sends_it_once()
    {
        var fault = new FailFirstEventSend();
        await using var service = await ServiceUnderTest.StartAsync(
            database.ConnectionString, services => services.AddSingleton(fault.Configure), settings: Settings(forwarderPoll: "00:00:01"));

        var placed = await service.PlaceOrderAsync();

        await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
        Assert.Equal(1, fault.Failures);
        // Long enough for a second delivery, had the failed dispatch sent the event after all.
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        Assert.Single(service.Observer.AcceptedFor(placed.OrderId));
    }

    private IReadOnlyDictionary<string, string?> Settings(string forwarderPoll) =>
        new Dictionary<string, string?>(OutboxTable.Settings(database.ConnectionString)) { ["Outbox:ForwarderPollInterval"] = forwarderPoll };
}
