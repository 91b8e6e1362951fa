namespace EdaTemplates.Soak.Ledger;

/// <summary>Everything the verifier compares: what was sent, and what the databases and queues hold at the end.</summary>
public sealed record SoakLedger(
    IReadOnlyList<ExpectedOrder> Expected,
    IReadOnlyList<StoredOrder> Stored,
    IReadOnlyList<AppliedEffect> Effects,
    IReadOnlyList<DownstreamDelivery> Deliveries,
    IReadOnlyList<DownstreamEffect> DownstreamEffects,
    IReadOnlyList<string> ErrorQueue,
    int LeftInInputQueue,
    int LeftInOutbox);
