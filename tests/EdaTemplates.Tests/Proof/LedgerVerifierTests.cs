using EdaTemplates.Soak.Ledger;

namespace EdaTemplates.Tests.Proof;

/// <summary>The soak's verdict can fail: each broken promise in a fabricated ledger is reported, by name.</summary>
public sealed class LedgerVerifierTests
{
    [Fact]
    public void A_perfect_ledger_passes()
    {
        var verification = LedgerVerifier.Verify(FabricatedLedger.Perfect());

        Assert.True(verification.Passed, string.Join(Environment.NewLine, verification.Violations));
        Assert.Equal(9, verification.MessagesApplied);
    }

    [Fact]
    public void A_lost_message_is_reported()
    {
        var ledger = FabricatedLedger.Perfect();
        var order = ledger.Expected[1];
        var lost = ledger with
        {
            // v3 never applied: the effect is missing and the order stayed at v2.
            Effects = ledger.Effects.Where(e => !(e.OrderId == order.Id && e.ToVersion == 3)).ToList(),
            Stored = ledger.Stored.Select(s => s.Id == order.Id ? s with { Version = 2, Total = order.TotalsByVersion[1] } : s).ToList(),
        };

        var violations = LedgerVerifier.Verify(lost).Violations;

        Assert.Contains(violations, v => v.Contains(order.Id.ToString()) && v.Contains("OrderAmended v3 lost"));
        Assert.Contains(violations, v => v.Contains(order.Id.ToString()) && v.Contains("ended at v2"));
    }

    [Fact]
    public void A_message_applied_twice_is_reported()
    {
        var ledger = FabricatedLedger.Perfect();
        var order = ledger.Expected[0];
        // v2 applied again after v3 (a redelivery that slipped past the guards): the order goes back to v2's total.
        var twice = ledger with
        {
            Effects = [.. ledger.Effects, new AppliedEffect(100, order.Id, 3, 2, order.TotalsByVersion[1])],
            Stored = ledger.Stored.Select(s => s.Id == order.Id ? s with { Version = 2, Total = order.TotalsByVersion[1] } : s).ToList(),
        };

        var violations = LedgerVerifier.Verify(twice).Violations;

        Assert.Contains(violations, v => v.Contains(order.Id.ToString()) && v.Contains("OrderAmended v2 applied 2 times"));
        Assert.Contains(violations, v => v.Contains(order.Id.ToString()) && v.Contains("not the next version"));
    }

    [Fact]
    public void An_order_placed_twice_is_reported_even_with_the_same_final_state()
    {
        var ledger = FabricatedLedger.Perfect();
        var order = ledger.Expected[2];
        var twice = ledger with { Effects = [.. ledger.Effects, new AppliedEffect(100, order.Id, null, 1, order.TotalsByVersion[0])] };

        Assert.Contains(LedgerVerifier.Verify(twice).Violations, v => v.Contains(order.Id.ToString()) && v.Contains("OrderPlaced (v1) applied 2 times"));
    }

    [Fact]
    public void A_non_empty_error_queue_is_reported()
    {
        var ledger = FabricatedLedger.Perfect() with { ErrorQueue = ["id-1 Soak.Contracts.OrderAmended, Soak.Contracts: NpgsqlException"] };

        Assert.Contains(LedgerVerifier.Verify(ledger).Violations, v => v.StartsWith("error queue holds 1 message(s)") && v.Contains("id-1"));
    }

    [Fact]
    public void Messages_left_in_the_input_queue_or_the_outbox_are_reported()
    {
        var violations = LedgerVerifier.Verify(FabricatedLedger.Perfect() with { LeftInInputQueue = 2, LeftInOutbox = 1 }).Violations;

        Assert.Contains(violations, v => v.Contains("2 message(s) still in the input queue"));
        Assert.Contains(violations, v => v.Contains("1 outgoing message(s) never left the outbox"));
    }

    [Fact]
    public void An_event_never_delivered_downstream_is_reported()
    {
        var ledger = FabricatedLedger.Perfect();
        var order = ledger.Expected[0];
        var undelivered = ledger with
        {
            Deliveries = ledger.Deliveries.Where(d => d.OrderId != order.Id).ToList(),
            DownstreamEffects = ledger.DownstreamEffects.Where(e => e.OrderId != order.Id).ToList(),
        };

        Assert.Contains(LedgerVerifier.Verify(undelivered).Violations, v => v.Contains(order.Id.ToString()) && v.Contains("never delivered downstream"));
    }

    [Fact]
    public void Redeliveries_of_one_event_are_counted_not_reported()
    {
        var ledger = FabricatedLedger.Perfect();
        var redelivered = ledger with { Deliveries = [.. ledger.Deliveries, ledger.Deliveries[0], ledger.Deliveries[0]] };

        var verification = LedgerVerifier.Verify(redelivered);

        Assert.True(verification.Passed, string.Join(Environment.NewLine, verification.Violations));
        Assert.Equal(2, verification.Redeliveries);
        Assert.Equal(1, verification.MessagesRedelivered);
        Assert.Equal(3, verification.MaxDeliveriesOfOneMessage);
    }

    [Fact]
    public void An_event_applied_twice_downstream_or_published_twice_is_reported()
    {
        var ledger = FabricatedLedger.Perfect();
        var order = ledger.Expected[1];
        var second = Guid.NewGuid().ToString();
        var published = ledger with
        {
            Deliveries = [.. ledger.Deliveries, new DownstreamDelivery(second, order.Id)],
            DownstreamEffects = [.. ledger.DownstreamEffects, new DownstreamEffect(order.Id, second)],
        };

        var violations = LedgerVerifier.Verify(published).Violations;

        Assert.Contains(violations, v => v.Contains(order.Id.ToString()) && v.Contains("2 different OrderAccepted events published"));
        Assert.Contains(violations, v => v.Contains(order.Id.ToString()) && v.Contains("applied 2 times downstream"));
    }
}
