namespace EdaService.Contracts;

/// <summary>The customer cancelled an order. Consumed by this service, which keeps a tombstone.</summary>
/// <param name="OrderId">The order (aggregate) that was cancelled.</param>
/// <param name="Version">The order's version after the cancellation.</param>
/// <param name="CancelledAt">When the order was cancelled, with an explicit offset (UTC preferred).</param>
public sealed record OrderCancelled(Guid OrderId, int Version, DateTimeOffset CancelledAt);
