namespace EdaTemplates.Soak.Ledger;

/// <summary>
/// Checks the promises on a <see cref="SoakLedger"/>: each sent message's effect applied exactly once and in version
/// order (so each order ends at its last version and total), each order's OrderAccepted delivered at least once and
/// applied exactly once downstream, one event per order, and nothing left in the error queue, the input queue or the outbox.
/// </summary>
public static class LedgerVerifier
{
    public static Verification Verify(SoakLedger ledger)
    {
        var violations = new List<string>();
        if (ledger.ErrorQueue.Count > 0)
        {
            violations.Add($"error queue holds {ledger.ErrorQueue.Count} message(s): {string.Join("; ", ledger.ErrorQueue.Take(5))}");
        }

        if (ledger.LeftInInputQueue > 0)
        {
            violations.Add($"{ledger.LeftInInputQueue} message(s) still in the input queue at the end");
        }

        if (ledger.LeftInOutbox > 0)
        {
            violations.Add($"{ledger.LeftInOutbox} outgoing message(s) never left the outbox");
        }

        var expectedIds = ledger.Expected.Select(o => o.Id).ToHashSet();
        var effectsByOrder = ledger.Effects.ToLookup(e => e.OrderId);
        var storedById = ledger.Stored.ToDictionary(o => o.Id);
        foreach (var order in ledger.Expected)
        {
            CheckEffects(order, effectsByOrder[order.Id].OrderBy(e => e.Sequence).ToList(), violations);
            CheckFinalState(order, storedById.GetValueOrDefault(order.Id), violations);
        }

        foreach (var unknown in ledger.Effects.Select(e => e.OrderId).Concat(ledger.Stored.Select(o => o.Id)).Distinct().Where(id => !expectedIds.Contains(id)))
        {
            violations.Add($"order {unknown}: changed in the service's database, but the soak never sent it");
        }

        var deliveriesByOrder = ledger.Deliveries.ToLookup(d => d.OrderId);
        var downstreamEffectsByOrder = ledger.DownstreamEffects.ToLookup(e => e.OrderId);
        foreach (var order in ledger.Expected)
        {
            CheckDownstream(order.Id, deliveriesByOrder[order.Id].ToList(), downstreamEffectsByOrder[order.Id].Count(), violations);
        }

        foreach (var unknown in ledger.Deliveries.Select(d => d.OrderId).Distinct().Where(id => !expectedIds.Contains(id)))
        {
            violations.Add($"order {unknown}: OrderAccepted delivered downstream, but the soak never sent the order");
        }

        var perMessage = ledger.Deliveries.GroupBy(d => d.MessageId).Select(g => g.Count()).ToList();
        return new Verification(
            violations,
            ledger.Effects.Count,
            perMessage.Count,
            perMessage.Sum(count => count - 1),
            perMessage.Count(count => count > 1),
            perMessage.DefaultIfEmpty(0).Max());
    }

    private static void CheckEffects(ExpectedOrder order, IReadOnlyList<AppliedEffect> effects, List<string> violations)
    {
        for (var version = 1; version <= order.FinalVersion; version++)
        {
            var applied = effects.Where(e => e.ToVersion == version).ToList();
            var what = version == 1 ? "OrderPlaced (v1)" : $"OrderAmended v{version}";
            if (applied.Count == 0)
            {
                violations.Add($"order {order.Id}: {what} lost: its effect was never applied");
            }
            else if (applied.Count > 1)
            {
                violations.Add($"order {order.Id}: {what} applied {applied.Count} times");
            }
        }

        var previous = (int?)null;
        foreach (var effect in effects)
        {
            if (effect.FromVersion != previous || effect.ToVersion != (previous ?? 0) + 1)
            {
                violations.Add($"order {order.Id}: went from v{effect.FromVersion?.ToString() ?? "-"} to v{effect.ToVersion} " +
                               $"after v{previous?.ToString() ?? "-"}: not the next version in order");
            }
            else if (effect.ToVersion <= order.FinalVersion && effect.Total != order.TotalsByVersion[effect.ToVersion - 1])
            {
                violations.Add($"order {order.Id}: v{effect.ToVersion} stored total {effect.Total}, sent {order.TotalsByVersion[effect.ToVersion - 1]}");
            }

            previous = effect.ToVersion;
        }

        if (effects.Any(e => e.ToVersion > order.FinalVersion))
        {
            violations.Add($"order {order.Id}: reached v{effects.Max(e => e.ToVersion)}, but only v1-v{order.FinalVersion} were sent");
        }
    }

    private static void CheckFinalState(ExpectedOrder order, StoredOrder? stored, List<string> violations)
    {
        var total = order.TotalsByVersion[order.FinalVersion - 1];
        if (stored is null)
        {
            violations.Add($"order {order.Id}: no row in the service's Orders table");
        }
        else if (stored.Version != order.FinalVersion || stored.Total != total)
        {
            violations.Add($"order {order.Id}: ended at v{stored.Version} total {stored.Total}, expected v{order.FinalVersion} total {total}");
        }
    }

    private static void CheckDownstream(Guid orderId, IReadOnlyList<DownstreamDelivery> deliveries, int effects, List<string> violations)
    {
        if (deliveries.Count == 0)
        {
            violations.Add($"order {orderId}: OrderAccepted never delivered downstream");
            return;
        }

        var distinctEvents = deliveries.Select(d => d.MessageId).Distinct().Count();
        if (distinctEvents > 1)
        {
            violations.Add($"order {orderId}: {distinctEvents} different OrderAccepted events published (one expected)");
        }

        if (effects != 1)
        {
            violations.Add($"order {orderId}: OrderAccepted applied {effects} times downstream");
        }
    }
}
