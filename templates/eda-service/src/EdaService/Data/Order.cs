using EdaService.Contracts;

namespace EdaService.Data;

/// <summary>An order this service accepted.</summary>
public sealed class Order
{
    private Order(Guid id, string customerId, decimal total, DateTimeOffset placedAt, DateTimeOffset acceptedAt)
    {
        Id = id;
        CustomerId = customerId;
        Total = total;
        PlacedAt = placedAt;
        AcceptedAt = acceptedAt;
    }

    public Guid Id { get; private set; }

    public string CustomerId { get; private set; }

    public decimal Total { get; private set; }

    /// <summary>Stored in UTC, whatever offset the producer used, so comparisons never depend on a server's time zone.</summary>
    public DateTimeOffset PlacedAt { get; private set; }

    public DateTimeOffset AcceptedAt { get; private set; }

    public static Order Accept(OrderPlaced placed, DateTimeOffset now) =>
        new(placed.OrderId, placed.CustomerId, placed.Total, placed.PlacedAt.ToUniversalTime(), now.ToUniversalTime());

    public OrderAccepted ToAcceptedEvent() => new(Id, CustomerId, Total, AcceptedAt);
}
