namespace EdaService.Contracts;

/// <summary>This service accepted an order and stored it. Published by this service.</summary>
/// <param name="OrderId">The accepted order.</param>
/// <param name="CustomerId">Who placed the order, so consumers need no lookup.</param>
/// <param name="Total">Order total as stored.</param>
/// <param name="AcceptedAt">When the order was accepted, in UTC.</param>
public sealed record OrderAccepted(Guid OrderId, string CustomerId, decimal Total, DateTimeOffset AcceptedAt);
