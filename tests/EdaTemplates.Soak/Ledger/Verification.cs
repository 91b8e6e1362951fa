namespace EdaTemplates.Soak.Ledger;

/// <summary>The verifier's verdict: every broken promise, and the figures that show the at-least-once side at work.</summary>
public sealed record Verification(
    IReadOnlyList<string> Violations,
    int MessagesApplied,
    int EventsDelivered,
    int Redeliveries,
    int MessagesRedelivered,
    int MaxDeliveriesOfOneMessage)
{
    public bool Passed => Violations.Count == 0;
}
