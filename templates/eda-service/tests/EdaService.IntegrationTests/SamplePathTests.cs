using EdaService.IntegrationTests.Infrastructure;
using Rebus.Messages;

namespace EdaService.IntegrationTests;

public sealed class SamplePathTests(TestDatabase database)
{
    [Fact]
    public async Task An_order_placed_is_stored_and_OrderAccepted_is_delivered()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);

        var placed = await service.PlaceOrderAsync();

        var delivered = await Eventually.Until(
            () => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
        var order = await service.FindOrderAsync(placed.OrderId);
        Assert.NotNull(order);
        Assert.Equal(placed.CustomerId, order.CustomerId);
        Assert.Equal(placed.Total, order.Total);
        var accepted = Assert.Single(delivered);
        Assert.Equal(placed.Total, accepted.Message.Total);
        Assert.Equal(TimeSpan.Zero, accepted.Message.AcceptedAt.Offset);
        Assert.Empty(await service.ErrorQueueMessagesFor(placed.OrderId));
    }

    [Fact]
    public async Task The_published_event_carries_the_correlation_id_of_the_message_that_caused_it()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        var correlationId = $"test-{Guid.NewGuid():N}";
        var placed = new Contracts.OrderPlaced(Guid.NewGuid(), "customer-c", 10m, DateTimeOffset.UtcNow);

        await service.Observer.Bus.Publish(placed, new Dictionary<string, string> { [Headers.CorrelationId] = correlationId });

        var delivered = await Eventually.Until(
            () => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
        Assert.Equal(correlationId, delivered[0].Headers[Headers.CorrelationId]);
    }
}
