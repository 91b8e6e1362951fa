namespace EdaTemplates.Soak.Ledger;

/// <summary>What the soak sent for one order: versions 1..<see cref="FinalVersion"/>, each with its own total.</summary>
public sealed record ExpectedOrder(Guid Id, int FinalVersion, IReadOnlyList<decimal> TotalsByVersion);

/// <summary>The service's row for an order at the end.</summary>
public sealed record StoredOrder(Guid Id, int Version, decimal Total);

/// <summary>
/// One committed change of an order row, recorded by a trigger in the same transaction: the business effect of one
/// message. <see cref="FromVersion"/> is null for the insert (OrderPlaced).
/// </summary>
public sealed record AppliedEffect(long Sequence, Guid OrderId, int? FromVersion, int ToVersion, decimal Total);

/// <summary>One delivery of an OrderAccepted to the downstream consumer.</summary>
public sealed record DownstreamDelivery(string MessageId, Guid OrderId);

/// <summary>One application of an OrderAccepted's effect downstream (at most one per message id).</summary>
public sealed record DownstreamEffect(Guid OrderId, string MessageId);
