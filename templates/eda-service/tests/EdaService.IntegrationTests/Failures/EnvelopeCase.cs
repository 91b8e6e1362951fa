using System.Text;
using EdaService.Contracts;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Failures;

/// <summary>
/// A message as a broken or unusual producer could put it on the wire, and what the service must do with it: refuse it
/// to the error queue with a reason naming the fault (<see cref="Reason"/>), or handle it (<see cref="Reason"/> null,
/// where the broken part is optional). One line per case in <see cref="All"/>.
/// </summary>
internal sealed record EnvelopeCase(string Name, string? Reason, Func<Guid, TransportMessage> Build)
{
    private const string Handled = null!;

    private static readonly string OrderPlacedType = $"{typeof(OrderPlaced).FullName}, {typeof(OrderPlaced).Assembly.GetName().Name}";

    /// <summary>Header values no producer should send; each is tried in every header below.</summary>
    private static readonly (string Name, string? Value)[] Mutations =
    [
        ("absent", null),
        ("empty", ""),
        ("whitespace", "   "),
        ("10kb", new string('x', 10 * 1024)),
        ("control-character", "abc\u0001def"),
        ("invalid-utf8", "abc" + Encoding.UTF8.GetString([0xC3, 0x28]) + "def"),
    ];

    public static IReadOnlyList<EnvelopeCase> All { get; } =
    [
        .. Header(Headers.MessageId, absent: "rbs2-msg-id", empty: "rbs2-msg-id", whitespace: "rbs2-msg-id", tooLong: "rbs2-msg-id: 10,240 characters", control: "rbs2-msg-id: contains control characters", utf8: "rbs2-msg-id: contains control characters"),
        .. Header(Headers.Type, absent: "rbs2-msg-type", empty: "rbs2-msg-type", whitespace: "rbs2-msg-type", tooLong: "rbs2-msg-type: 10,240 characters", control: "rbs2-msg-type: contains control characters", utf8: "rbs2-msg-type: contains control characters"),
        .. Header(Headers.ContentType, absent: "rbs2-content-type", empty: "rbs2-content-type", whitespace: "rbs2-content-type", tooLong: "rbs2-content-type: 10,240 characters", control: "rbs2-content-type: contains control characters", utf8: "rbs2-content-type: contains control characters"),
        .. Header(Headers.CorrelationId, absent: Handled, empty: Handled, whitespace: Handled, tooLong: "rbs2-corr-id: 10,240 characters", control: "rbs2-corr-id: contains control characters", utf8: "rbs2-corr-id: contains control characters"),
        .. Header(Headers.ReturnAddress, absent: Handled, empty: Handled, whitespace: Handled, tooLong: "rbs2-return-address: 10,240 characters", control: "rbs2-return-address: contains control characters", utf8: "rbs2-return-address: contains control characters"),
        .. Header(Headers.SentTime, absent: Handled, empty: Handled, whitespace: Handled, tooLong: "rbs2-senttime: 10,240 characters", control: "rbs2-senttime: contains control characters", utf8: "rbs2-senttime: contains control characters"),
        .. Header("traceparent", absent: Handled, empty: Handled, whitespace: Handled, tooLong: Handled, control: Handled, utf8: Handled),
        Body("body-empty", "body: ", _ => []),
        Body("body-json-null", "body: ", _ => "null"u8.ToArray()),
        Body("body-array", "body: ", id => Encoding.UTF8.GetBytes($"""["{id}"]""")),
        Body("body-huge-number", "Total", id => Encoding.UTF8.GetBytes(Json(id, total: "1e400"))),
        Body("body-deep-nesting", "body: ", id => Encoding.UTF8.GetBytes(Json(id, extra: new string('[', 100) + new string(']', 100)))),
        Body("body-invalid-utf8", "body: ", id => [.. Encoding.UTF8.GetBytes(Json(id)[..^2]), 0xC3, 0x28, .. "\"}"u8.ToArray()]),
        // RFC 8259: network JSON must not start with a byte order mark; System.Text.Json refuses it.
        Body("body-utf8-bom", "body: ", id => [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Json(id))]),
    ];

    public static IReadOnlyDictionary<string, EnvelopeCase> ByName { get; } = All.ToDictionary(c => c.Name);

    /// <summary>A valid OrderPlaced with every standard header a Rebus producer sets.</summary>
    public static TransportMessage Valid(Guid orderId, byte[]? body = null) => new(
        new Dictionary<string, string>
        {
            [Headers.MessageId] = Guid.NewGuid().ToString(),
            [Headers.Type] = OrderPlacedType,
            [Headers.ContentType] = "application/json;charset=utf-8",
            [Headers.Intent] = Headers.IntentOptions.PointToPoint,
            [Headers.CorrelationId] = Guid.NewGuid().ToString(),
            [Headers.ReturnAddress] = "envelope-fuzz-producer",
            [Headers.SentTime] = DateTimeOffset.UtcNow.ToString("O"),
            ["traceparent"] = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01",
        },
        body ?? Encoding.UTF8.GetBytes(Json(orderId)));

    private static IEnumerable<EnvelopeCase> Header(string header, string? absent, string? empty, string? whitespace, string? tooLong, string? control, string? utf8)
    {
        string?[] reasons = [absent, empty, whitespace, tooLong, control, utf8];
        return Mutations.Select((mutation, i) => new EnvelopeCase($"{header}-{mutation.Name}", reasons[i], id =>
        {
            var message = Valid(id);
            if (mutation.Value is null)
            {
                message.Headers.Remove(header);
            }
            else
            {
                message.Headers[header] = mutation.Value;
            }

            return message;
        }));
    }

    private static EnvelopeCase Body(string name, string? reason, Func<Guid, byte[]> body) => new(name, reason, id => Valid(id, body(id)));

    /// <summary>The OrderPlaced body as a producer writes it; <paramref name="extra"/> adds a property the contract does not know.</summary>
    private static string Json(Guid orderId, string total = "42.50", string? extra = null) =>
        $$"""{"OrderId":"{{orderId}}","CustomerId":"customer-envelope","Total":{{total}},"PlacedAt":"2026-03-01T10:00:00Z"{{(extra is null ? "" : $",\"Extra\":{extra}")}}}""";
}
