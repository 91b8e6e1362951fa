using EdaService.Contracts;
using EdaService.Data;

namespace EdaService.UnitTests.Data;

public sealed class OrderTests
{
    [Fact]
    public void Accept_stores_times_in_utc_whatever_offset_the_producer_used()
    {
        var placed = new OrderPlaced(Guid.NewGuid(), "customer-1", 12.50m, new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.FromHours(2)));
        var now = new DateTimeOffset(2026, 3, 1, 9, 0, 5, TimeSpan.FromHours(1));

        var order = Order.Accept(placed, now);

        Assert.Equal(TimeSpan.Zero, order.PlacedAt.Offset);
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 8, 0, 0, TimeSpan.Zero), order.PlacedAt);
        Assert.Equal(TimeSpan.Zero, order.AcceptedAt.Offset);
        Assert.Equal(now, order.AcceptedAt);
    }

    [Fact]
    public void The_accepted_event_carries_the_stored_order()
    {
        var placed = new OrderPlaced(Guid.NewGuid(), "customer-2", 99.95m, DateTimeOffset.UtcNow);
        var now = DateTimeOffset.UtcNow;

        var accepted = Order.Accept(placed, now).ToAcceptedEvent();

        Assert.Equal(new OrderAccepted(placed.OrderId, "customer-2", 99.95m, now), accepted);
    }

    [Fact]
    public void A_placed_order_is_version_one_and_changes_carry_their_version()
    {
        var order = Order.Accept(new OrderPlaced(Guid.NewGuid(), "customer-3", 10m, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);
        Assert.Equal(Order.PlacedVersion, order.Version);

        order.Amend(2, 20m);
        order.Cancel(3, new DateTimeOffset(2026, 1, 1, 12, 0, 0, TimeSpan.FromHours(1)));

        Assert.Equal(3, order.Version);
        Assert.Equal(20m, order.Total);
        Assert.Equal(TimeSpan.Zero, order.CancelledAt!.Value.Offset);
    }

    [Fact]
    public void Advance_records_the_version_of_a_change_that_stores_nothing_else()
    {
        var order = Order.Accept(new OrderPlaced(Guid.NewGuid(), "customer-4", 10m, DateTimeOffset.UtcNow), DateTimeOffset.UtcNow);

        order.Advance(2);

        Assert.Equal(2, order.Version);
        Assert.Equal(10m, order.Total);
    }
}
