using EdaService.IntegrationTests.Infrastructure;

namespace EdaService.IntegrationTests.Outbox;

/// <summary>The outbox forwarder sends once a unit of work committed its rows, instead of at its next poll.</summary>
public sealed class ForwarderWakeUpTests(TestDatabase database)
{
    [Fact]
    public async Task A_committed_event_is_sent_without_waiting_for_the_forwarders_poll()
    {
        // An hour between polls: only the wake-up after the commit can send the event within the test's patience.
        var settings = new Dictionary<string, string?>(OutboxTable.Settings(database.ConnectionString))
        {
            ["Outbox:ForwarderPollInterval"] = "01:00:00",
        };
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, settings: settings);

        var placed = await service.PlaceOrderAsync();

        await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
    }
}
