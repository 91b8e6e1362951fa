using EdaService.Contracts;

namespace EdaService.Data;

/// <summary>
/// This service's copy of an order. The producer owns the order and versions its changes: <see cref="OrderPlaced"/>
/// is version 1, later changes count up. A cancelled order stays as a tombstone with its version, so a late change
/// cannot bring it back.
/// </summary>
public sealed class Order
{
    public const int PlacedVersion = 1;

    private Order(Guid id, string customerId, decimal total, DateTimeOffset placedAt, DateTimeOffset acceptedAt)
    {
        Id = id;
        CustomerId = customerId;
        Total = total;
        PlacedAt = placedAt;
        AcceptedAt = acceptedAt;
        Version = PlacedVersion;
    }

    public Guid Id { get; private set; }

    public string CustomerId { get; private set; }

    public decimal Total { get; private set; }

    /// <summary>Stored in UTC, whatever offset the producer used, so comparisons never depend on a server's time zone.</summary>
    public DateTimeOffset PlacedAt { get; private set; }

    public DateTimeOffset AcceptedAt { get; private set; }

    /// <summary>The producer's version of the last change applied here.</summary>
    public int Version { get; private set; }

    /// <summary>Set when the order was cancelled: the row is kept as a tombstone.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    public static Order Accept(OrderPlaced placed, DateTimeOffset now) =>
        new(placed.OrderId, placed.CustomerId, placed.Total, placed.PlacedAt.ToUniversalTime(), now.ToUniversalTime());

    public OrderAccepted ToAcceptedEvent() => new(Id, CustomerId, Total, AcceptedAt);

    /// <summary>Applies a change the producer made at <paramref name="version"/>; callers check the order of versions.</summary>
    public void Amend(int version, decimal total)
    {
        Total = total;
        Version = version;
    }

    /// <summary>
    /// Records a change made at <paramref name="version"/> after a handler applied it. The ordering guard needs every
    /// applied change to advance the version, or the next one would wait as a gap forever.
    /// </summary>
    public void Advance(int version) => Version = version;

    public void Cancel(int version, DateTimeOffset cancelledAt)
    {
        CancelledAt = cancelledAt.ToUniversalTime();
        Version = version;
    }
}
