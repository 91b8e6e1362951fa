namespace EdaService.Contracts;

/// <summary>The customer changed an order. Consumed by this service.</summary>
/// <param name="OrderId">The order (aggregate) that changed.</param>
/// <param name="Version">The order's version after this change: <see cref="OrderPlaced"/> is 1, each change adds 1.</param>
/// <param name="Total">The new order total.</param>
/// <param name="AmendedAt">When the change was made, with an explicit offset (UTC preferred).</param>
public sealed record OrderAmended(Guid OrderId, int Version, decimal Total, DateTimeOffset AmendedAt);
