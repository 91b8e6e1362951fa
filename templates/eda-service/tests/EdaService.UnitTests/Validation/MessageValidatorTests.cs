using System.Text;
using System.Text.Json.Nodes;
using EdaService.Contracts;
using EdaService.Validation;
using Rebus.Messages;

namespace EdaService.UnitTests.Validation;

/// <summary>The whole check a transport message gets, incoming or outgoing, one broken thing at a time.</summary>
public sealed class MessageValidatorTests
{
    [Fact]
    public void A_complete_message_is_accepted()
    {
        Assert.Empty(TestMessages.Validator().Validate(TestMessages.Raw<OrderPlaced>(TestMessages.OrderPlaced())));
    }

    public static TheoryData<string, Action<JsonObject>, string> BrokenBodies => new()
    {
        { "no offset", b => b["PlacedAt"] = "2026-03-01T10:00:00", "PlacedAt: '2026-03-01T10:00:00' has no offset" },
        { "-00:00", b => b["PlacedAt"] = "2026-03-01T10:00:00-00:00", "PlacedAt: '2026-03-01T10:00:00-00:00' has offset -00:00" },
        { "date only", b => b["PlacedAt"] = "2026-03-01", "PlacedAt: '2026-03-01' is a date without a time" },
        { "non-UTC offset", b => b["PlacedAt"] = "2026-03-01T12:00:00+02:00", "PlacedAt: '2026-03-01T12:00:00+02:00' has offset +02:00" },
        { "timestamp as number", b => b["PlacedAt"] = 1772359200, "PlacedAt: must be a timestamp string" },
        { "impossible date", b => b["PlacedAt"] = "2026-02-30T10:00:00Z", "PlacedAt: '2026-02-30T10:00:00Z' is not a valid date" },
        { "missing Total", b => b.Remove("Total"), "Total: missing from the message body" },
        { "missing OrderId", b => b.Remove("OrderId"), "OrderId: missing from the message body" },
        { "null CustomerId", b => b["CustomerId"] = null, "CustomerId: must not be null" },
        { "null Total", b => b["Total"] = null, "Total: must not be null" },
        { "Total as string", b => b["Total"] = "42.50", "Total: must be a number, not the string \"42.50\"" },
        { "OrderId as number", b => b["OrderId"] = 12345, "OrderId: must be a GUID string, not the number 12345" },
        { "OrderId not a GUID", b => b["OrderId"] = "order-1", "OrderId: must be a GUID string" },
        { "empty GUID", b => b["OrderId"] = Guid.Empty.ToString(), "OrderId: must not be the empty GUID" },
        { "empty CustomerId", b => b["CustomerId"] = "", "CustomerId: must not be empty" },
        { "CustomerId too long", b => b["CustomerId"] = new string('c', 101), "CustomerId: must be at most 100 characters" },
        { "negative Total", b => b["Total"] = -1m, "Total: must not be negative" },
        { "Total rounded by the database", b => b["Total"] = 42.505m, "Total: must fit 18 digits with at most 2 decimals" },
        { "default PlacedAt", b => b["PlacedAt"] = "0001-01-01T00:00:00Z", "PlacedAt: must be a real instant" },
        { "camelCase names", b => { b.Remove("Total"); b["total"] = 1m; }, "Total: missing from the message body (found 'total'" },
    };

    [Theory]
    [MemberData(nameof(BrokenBodies))]
    public void A_broken_body_is_rejected_naming_the_field(string caseName, Action<JsonObject> breakIt, string expectedReason)
    {
        var body = TestMessages.OrderPlaced();
        breakIt(body);

        var reasons = TestMessages.Validator().Validate(TestMessages.Raw<OrderPlaced>(body));

        Assert.True(reasons.Any(r => r.StartsWith(expectedReason, StringComparison.Ordinal)),
            $"{caseName}: expected a reason starting with '{expectedReason}', got: {string.Join(" | ", reasons)}");
    }

    public static TheoryData<string, TransportMessage, string> BrokenEnvelopes => new()
    {
        { "empty body", TestMessages.Raw(TestMessages.TypeName<OrderPlaced>(), []), "body: empty" },
        { "malformed JSON", TestMessages.Raw(TestMessages.TypeName<OrderPlaced>(), "{\"OrderId\": "u8.ToArray()), "body: not valid JSON" },
        { "array body", TestMessages.Raw(TestMessages.TypeName<OrderPlaced>(), "[1,2]"u8.ToArray()), "body: must be a JSON object, not an array" },
        { "null body", TestMessages.Raw(TestMessages.TypeName<OrderPlaced>(), "null"u8.ToArray()), "body: must be a JSON object, not null" },
        { "oversized body", TestMessages.Raw(TestMessages.TypeName<OrderPlaced>(), new byte[300 * 1024]), "body: 307,200 bytes, over the limit of 262,144 (Validation:MaxBodyBytes)" },
        { "no type header", TestMessages.Raw(null, "{}"u8.ToArray()), "rbs2-msg-type: missing" },
        { "unknown type", TestMessages.Raw("Shop.OrderCancelled, Shop", "{}"u8.ToArray()), "rbs2-msg-type: 'Shop.OrderCancelled, Shop' is not a message type this service knows" },
        { "a .NET type that is no contract", TestMessages.Raw("System.String, System.Private.CoreLib", "\"x\""u8.ToArray()), "rbs2-msg-type: 'System.String" },
        { "data only in headers", OnlyInHeaders(), "OrderId: missing from the message body" },
    };

    [Theory]
    [MemberData(nameof(BrokenEnvelopes))]
    public void A_broken_envelope_is_rejected_with_the_reason(string caseName, TransportMessage message, string expectedReason)
    {
        var reasons = TestMessages.Validator().Validate(message);

        Assert.True(reasons.Any(r => r.StartsWith(expectedReason, StringComparison.Ordinal)),
            $"{caseName}: expected a reason starting with '{expectedReason}', got: {string.Join(" | ", reasons)}");
    }

    [Fact]
    public void Every_failed_rule_is_listed_not_only_the_first()
    {
        var body = TestMessages.OrderPlaced();
        body.Remove("Total");
        body["CustomerId"] = null;
        body["PlacedAt"] = "2026-03-01";

        var reasons = TestMessages.Validator().Validate(TestMessages.Raw<OrderPlaced>(body));

        Assert.Equal(3, reasons.Count);
    }

    [Fact]
    public void A_content_type_other_than_utf8_json_is_rejected()
    {
        var message = TestMessages.Raw<OrderPlaced>(TestMessages.OrderPlaced());
        message.Headers[Headers.ContentType] = "application/json;charset=utf-16";

        Assert.Contains(TestMessages.Validator().Validate(message), r => r.StartsWith("rbs2-content-type:", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_utf8_inside_a_string_is_a_reason_not_an_exception()
    {
        // JsonDocument parses it and throws only when the string is read: that would be retried, not refused.
        var head = Encoding.UTF8.GetBytes($"{{\"OrderId\":\"{Guid.NewGuid()}\",\"CustomerId\":\"c");
        var tail = Encoding.UTF8.GetBytes("\",\"Total\":1,\"PlacedAt\":\"2026-03-01T10:00:00Z\"}");
        byte[] body = [.. head, 0xC3, 0x28, .. tail];

        var reasons = TestMessages.Validator().Validate(TestMessages.Raw(TestMessages.TypeName<OrderPlaced>(), body));

        Assert.Equal(["body: not valid UTF-8"], reasons);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_missing_or_blank_content_type_is_named_once(string? contentType)
    {
        var message = TestMessages.Raw<OrderPlaced>(TestMessages.OrderPlaced());
        if (contentType is null)
        {
            message.Headers.Remove(Headers.ContentType);
        }
        else
        {
            message.Headers[Headers.ContentType] = contentType;
        }

        Assert.Single(TestMessages.Validator().Validate(message), r => r.StartsWith("rbs2-content-type: missing", StringComparison.Ordinal));
    }

    [Fact]
    public void A_property_sent_twice_is_rejected_because_the_deserializer_would_keep_only_the_last()
    {
        var json = $$"""{"OrderId":"{{Guid.NewGuid()}}","CustomerId":"c","Total":1,"Total":"x","PlacedAt":"2026-03-01T10:00:00Z"}""";

        var reasons = TestMessages.Validator().Validate(TestMessages.Raw(TestMessages.TypeName<OrderPlaced>(), Encoding.UTF8.GetBytes(json)));

        Assert.Contains("Total: appears more than once", reasons);
    }

    [Fact]
    public void Unknown_properties_are_ignored_by_default_and_rejected_when_configured()
    {
        var body = TestMessages.OrderPlaced();
        body["Discount"] = 5;

        Assert.Empty(TestMessages.Validator().Validate(TestMessages.Raw<OrderPlaced>(body)));
        var strict = TestMessages.Validator(new ValidationOptions { UnknownProperties = UnknownPropertyPolicy.Reject });
        Assert.Contains(strict.Validate(TestMessages.Raw<OrderPlaced>(body)), r => r.StartsWith("Discount: not a property of OrderPlaced", StringComparison.Ordinal));
    }

    [Fact]
    public void A_non_utc_offset_is_accepted_when_normalizing()
    {
        var body = TestMessages.OrderPlaced();
        body["PlacedAt"] = "2026-03-01T12:00:00+02:00";

        var lenient = TestMessages.Validator(new ValidationOptions { NonUtcOffsets = NonUtcOffsetPolicy.NormalizeToUtc });

        Assert.Empty(lenient.Validate(TestMessages.Raw<OrderPlaced>(body)));
    }

    [Fact]
    public void A_flood_of_failures_is_capped_so_the_error_headers_stay_small()
    {
        var json = $$"""{"MessageId":"m","MessageType":"t","SourceQueue":"q","Reasons":[{{string.Join(',', Enumerable.Repeat("1", 50))}}],"RejectedAt":"2026-03-01T10:00:00Z"}""";

        var found = TestMessages.Validator().Validate(TestMessages.Raw(TestMessages.TypeName<MessageRejected>(), Encoding.UTF8.GetBytes(json)));

        Assert.Equal(MessageValidator.MaxReasons + 1, found.Count);
        Assert.Equal("... and 30 more", found[^1]);
    }

    [Fact]
    public void A_reason_quoting_a_huge_value_is_cut_to_the_limit()
    {
        var body = TestMessages.OrderPlaced();
        body["PlacedAt"] = new string('9', 100_000);

        var reason = Assert.Single(TestMessages.Validator().Validate(TestMessages.Raw<OrderPlaced>(body)));

        Assert.Equal(MessageValidator.MaxReasonLength, reason.Length);
        Assert.StartsWith("PlacedAt: '9999", reason, StringComparison.Ordinal);
        Assert.EndsWith("...", reason, StringComparison.Ordinal);
    }

    private static TransportMessage OnlyInHeaders()
    {
        var message = TestMessages.Raw(TestMessages.TypeName<OrderPlaced>(), "{}"u8.ToArray());
        foreach (var (name, value) in TestMessages.OrderPlaced())
        {
            message.Headers[name] = value!.ToString();
        }

        return message;
    }
}
