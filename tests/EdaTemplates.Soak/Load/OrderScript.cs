using System.Globalization;
using System.Text;
using EdaTemplates.Soak.Ledger;
using Rebus.Messages;

namespace EdaTemplates.Soak.Load;

/// <summary>
/// The messages the soak sends: per order an OrderPlaced (version 1) and then OrderAmended versions 2, 3, ... each with
/// a total no other version of that order has, so an old version applied again, or one applied out of order, shows in
/// the final state. Deterministic for a seed.
/// </summary>
internal sealed class OrderScript
{
    public const string ContractsAssembly = "Soak.Contracts";

    private readonly List<ScriptedMessage> _messages = [];

    public OrderScript(int messages, int versionsPerOrder, int seed)
    {
        var random = new Random(seed);
        var orders = new List<ExpectedOrder>();
        var remaining = messages;
        for (var index = 0; remaining > 0; index++)
        {
            var versions = Math.Min(versionsPerOrder, remaining);
            remaining -= versions;
            var id = new Guid(NextBytes(random));
            orders.Add(new ExpectedOrder(id, versions, Enumerable.Range(1, versions).Select(v => TotalAt(index, v)).ToArray()));
        }

        Orders = orders;
        // Waves of 100 orders: every order's version 1, then every version 2, ... so consecutive versions of one order are
        // far apart in the queue, as when many customers change orders at once, and still some arrive out of order.
        foreach (var wave in orders.Chunk(100))
        {
            for (var version = 1; version <= versionsPerOrder; version++)
            {
                foreach (var order in wave.Where(o => o.FinalVersion >= version))
                {
                    _messages.Add(new ScriptedMessage(new Guid(NextBytes(random)).ToString(), order, version));
                }
            }
        }
    }

    public IReadOnlyList<ExpectedOrder> Orders { get; }

    public IReadOnlyList<ScriptedMessage> Messages => _messages;

    private static decimal TotalAt(int orderIndex, int version) => version * 1000m + orderIndex % 1000 + 0.25m;

    private static byte[] NextBytes(Random random)
    {
        var bytes = new byte[16];
        random.NextBytes(bytes);
        return bytes;
    }
}

/// <summary>One message to send, as the producer's Rebus would put it on the wire.</summary>
internal sealed record ScriptedMessage(string MessageId, ExpectedOrder Order, int Version)
{
    public TransportMessage ToTransportMessage(DateTimeOffset now)
    {
        var at = now.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
        var total = Order.TotalsByVersion[Version - 1].ToString(CultureInfo.InvariantCulture);
        var (type, json) = Version == 1
            ? ("OrderPlaced", $$"""{"OrderId":"{{Order.Id}}","CustomerId":"customer-{{Order.Id.ToString()[..8]}}","Total":{{total}},"PlacedAt":"{{at}}"}""")
            : ("OrderAmended", $$"""{"OrderId":"{{Order.Id}}","Version":{{Version}},"Total":{{total}},"AmendedAt":"{{at}}"}""");
        var headers = new Dictionary<string, string>
        {
            [Headers.MessageId] = MessageId,
            [Headers.Type] = $"{OrderScript.ContractsAssembly}.{type}, {OrderScript.ContractsAssembly}",
            [Headers.ContentType] = "application/json;charset=utf-8",
            [Headers.Intent] = Headers.IntentOptions.PointToPoint,
            [Headers.SentTime] = now.ToString("O", CultureInfo.InvariantCulture),
            [Headers.CorrelationId] = MessageId,
        };
        return new TransportMessage(headers, Encoding.UTF8.GetBytes(json));
    }
}
