using System.Text.Json;
using System.Text.RegularExpressions;
using EdaService.Contracts;
using EdaService.IntegrationTests.Infrastructure;
using EdaService.Validation;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Validation;

/// <summary>
/// Bad input from a producer is refused, not stored: each case lands in the error queue after one attempt with its
/// reason listed, the producer receives MessageRejected, and the service goes on storing good orders.
/// </summary>
public sealed class RejectionTests(ValidationServiceFixture fixture) : IClassFixture<ValidationServiceFixture>
{
    public static TheoryData<string> BadInputs => new(BadInput.All.Select(input => input.Name));

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Bad_input_is_rejected_without_retries_and_the_producer_is_told(string name)
    {
        var input = BadInput.ByName[name];
        var harness = await fixture.GetAsync();
        var orderId = Guid.NewGuid();

        var messageId = await harness.SendRawAsync(input.Build(orderId));

        var failed = await harness.ErrorQueueMessageAsync(messageId);
        Assert.Contains(ValidationHarness.ListedReasons(failed), r => r.StartsWith(input.ExpectedReason, StringComparison.Ordinal));
        Assert.StartsWith("1 unhandled exceptions", failed.Headers[Headers.ErrorDetails], StringComparison.Ordinal);
        Assert.Contains(nameof(MessageRejectedException), failed.Headers[Headers.ErrorDetails]);
        Assert.Equal(harness.InputQueue, failed.Headers[Headers.SourceQueue]);

        var notice = await harness.RejectionAsync(messageId);
        Assert.NotNull(notice);
        Assert.Equal(harness.InputQueue, notice.SourceQueue);
        Assert.Equal(failed.Headers.GetValueOrDefault(Headers.Type) ?? "(none)", notice.MessageType);
        Assert.Contains(notice.Reasons, r => r.StartsWith(input.ExpectedReason, StringComparison.Ordinal));

        Assert.Null(await harness.Service.FindOrderAsync(orderId));
        await harness.AssertGoodOrdersAreStillStoredAsync();
    }

    [Fact]
    public async Task A_timestamp_without_offset_is_rejected_although_the_deserializer_alone_accepts_it()
    {
        var harness = await fixture.GetAsync();
        var message = BadInput.ByName["timestamp-without-offset"].Build(Guid.NewGuid());

        // What the service would have stored without the raw check: the server's local time, silently.
        var deserialized = JsonSerializer.Deserialize<OrderPlaced>(message.Body)!;
        Assert.Equal(TimeZoneInfo.Local.GetUtcOffset(new DateTime(2026, 3, 1, 10, 0, 0)), deserialized.PlacedAt.Offset);

        var failed = await harness.ErrorQueueMessageAsync(await harness.SendRawAsync(message));
        Assert.Contains(ValidationHarness.ListedReasons(failed), r => r.Contains("has no offset", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Published_events_carry_their_timestamps_in_utc_with_Z()
    {
        var harness = await fixture.GetAsync();

        var placed = await harness.Service.PlaceOrderAsync();

        var body = await Eventually.Until(() => Task.FromResult(harness.Producer.AcceptedBodyFor(placed.OrderId)), b => b is not null, "OrderAccepted");
        Assert.Matches(new Regex("\"AcceptedAt\":\"\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z\""), body);
    }
}
