using EdaTemplates.Soak.Ledger;

namespace EdaTemplates.Tests.Proof;

/// <summary>A ledger of a perfect run, to break one promise at a time in the verifier's tests.</summary>
internal static class FabricatedLedger
{
    public static SoakLedger Perfect(int orders = 3, int versions = 3)
    {
        var expected = Enumerable.Range(0, orders)
            .Select(i => new ExpectedOrder(Guid.NewGuid(), versions, Enumerable.Range(1, versions).Select(v => v * 1000m + i).ToArray()))
            .ToList();
        var effects = new List<AppliedEffect>();
        var deliveries = new List<DownstreamDelivery>();
        var downstream = new List<DownstreamEffect>();
        foreach (var order in expected)
        {
            for (var version = 1; version <= versions; version++)
            {
                effects.Add(new AppliedEffect(effects.Count + 1, order.Id, version == 1 ? null : version - 1, version, order.TotalsByVersion[version - 1]));
            }

            var eventId = Guid.NewGuid().ToString();
            deliveries.Add(new DownstreamDelivery(eventId, order.Id));
            downstream.Add(new DownstreamEffect(order.Id, eventId));
        }

        var stored = expected.Select(o => new StoredOrder(o.Id, versions, o.TotalsByVersion[versions - 1])).ToList();
        return new SoakLedger(expected, stored, effects, deliveries, downstream, [], 0, 0);
    }
}
