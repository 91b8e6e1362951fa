using System.Text;
using System.Text.Json.Nodes;
using EdaService.Contracts;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Validation;

/// <summary>A message a broken producer could send, and the start of the reason the service must give for refusing it.</summary>
internal sealed record BadInput(string Name, string ExpectedReason, Func<Guid, TransportMessage> Build)
{
    private static readonly string OrderPlacedType = $"{typeof(OrderPlaced).FullName}, {typeof(OrderPlaced).Assembly.GetName().Name}";

    public static IReadOnlyList<BadInput> All { get; } =
    [
        Body("timestamp-without-offset", "PlacedAt: '2026-03-01T10:00:00' has no offset", b => b["PlacedAt"] = "2026-03-01T10:00:00"),
        Body("timestamp-minus-zero", "PlacedAt: '2026-03-01T10:00:00-00:00' has offset -00:00", b => b["PlacedAt"] = "2026-03-01T10:00:00-00:00"),
        Body("timestamp-date-only", "PlacedAt: '2026-03-01' is a date without a time", b => b["PlacedAt"] = "2026-03-01"),
        Body("timestamp-non-utc-offset", "PlacedAt: '2026-03-01T12:00:00+02:00' has offset +02:00", b => b["PlacedAt"] = "2026-03-01T12:00:00+02:00"),
        Body("missing-field", "Total: missing from the message body", b => b.Remove("Total")),
        Body("null-field", "CustomerId: must not be null", b => b["CustomerId"] = null),
        Body("wrong-type-number-as-string", "Total: must be a number", b => b["Total"] = "42.50"),
        Body("wrong-type-id-as-number", "OrderId: must be a GUID string", b => b["OrderId"] = 12345),
        Body("empty-guid", "OrderId: must not be the empty GUID", b => b["OrderId"] = Guid.Empty.ToString()),
        Body("empty-customer", "CustomerId: must not be empty", b => b["CustomerId"] = ""),
        Body("negative-total", "Total: must not be negative", b => b["Total"] = -5m),
        Body("total-the-database-would-round", "Total: must fit 18 digits with at most 2 decimals", b => b["Total"] = 42.505m),
        Raw("unknown-message-type", "rbs2-msg-type: 'Shop.Contracts.OrderCancelled, Shop.Contracts' is not a message type", id =>
            MessageOfType("Shop.Contracts.OrderCancelled, Shop.Contracts", Valid(id).ToJsonString())),
        Raw("missing-type-header", "rbs2-msg-type: missing", id => MessageOfType(null, Valid(id).ToJsonString())),
        Raw("malformed-json", "body: not valid JSON", id => Message($$"""{"OrderId": "{{id}}", "Total": """)),
        Raw("empty-body", "body: empty", _ => new TransportMessage(Headers(OrderPlacedType), [])),
        Raw("oversized-body", "body: ", id => Message(With(Valid(id), b => b["CustomerId"] = new string('x', 300 * 1024)).ToJsonString())),
        Raw("array-body", "body: must be a JSON object, not an array", id => Message($"""["{id}"]""")),
        Raw("not-json-content-type", "rbs2-content-type: 'text/plain' is not UTF-8 JSON", id =>
            WithHeader(Message(Valid(id).ToJsonString()), Rebus.Messages.Headers.ContentType, "text/plain")),
        Raw("data-only-in-headers", "OrderId: missing from the message body", id =>
        {
            var message = Message("{}");
            foreach (var (name, value) in Valid(id))
            {
                message.Headers[name] = value!.ToString();
            }

            return message;
        }),
    ];

    public static IReadOnlyDictionary<string, BadInput> ByName { get; } = All.ToDictionary(input => input.Name);

    public static JsonObject Valid(Guid orderId) => new()
    {
        ["OrderId"] = orderId.ToString(),
        ["CustomerId"] = "customer-bad-input",
        ["Total"] = 42.50m,
        ["PlacedAt"] = "2026-03-01T10:00:00Z",
    };

    /// <summary>An OrderPlaced as a producer would send it, with <paramref name="json"/> as its body.</summary>
    public static TransportMessage Message(string json) => MessageOfType(OrderPlacedType, json);

    public static TransportMessage MessageOfType(string? typeName, string json) => new(Headers(typeName), Encoding.UTF8.GetBytes(json));

    private static BadInput Body(string name, string reason, Action<JsonObject> breakIt) =>
        new(name, reason, id => Message(With(Valid(id), breakIt).ToJsonString()));

    private static BadInput Raw(string name, string reason, Func<Guid, TransportMessage> build) => new(name, reason, build);

    private static JsonObject With(JsonObject body, Action<JsonObject> change)
    {
        change(body);
        return body;
    }

    private static TransportMessage WithHeader(TransportMessage message, string name, string value)
    {
        message.Headers[name] = value;
        return message;
    }

    private static Dictionary<string, string> Headers(string? typeName)
    {
        var headers = new Dictionary<string, string>
        {
            [Rebus.Messages.Headers.MessageId] = Guid.NewGuid().ToString(),
            [Rebus.Messages.Headers.ContentType] = "application/json;charset=utf-8",
            [Rebus.Messages.Headers.Intent] = Rebus.Messages.Headers.IntentOptions.PointToPoint,
        };
        if (typeName is not null)
        {
            headers[Rebus.Messages.Headers.Type] = typeName;
        }

        return headers;
    }
}
