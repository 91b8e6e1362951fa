namespace EdaService.Contracts;

/// <summary>A customer placed an order. Consumed by this service.</summary>
/// <param name="OrderId">Identifies the order; also the key of the row this service writes.</param>
/// <param name="CustomerId">Who placed the order.</param>
/// <param name="Total">Order total, in the order's currency.</param>
/// <param name="PlacedAt">When the order was placed, with an explicit offset (UTC preferred).</param>
public sealed record OrderPlaced(Guid OrderId, string CustomerId, decimal Total, DateTimeOffset PlacedAt);
