using EdaService.IntegrationTests.Infrastructure;
using EdaService.Validation;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Validation;

/// <summary>The configurable policies, and the line between a rejection and an ordinary failure.</summary>
public sealed class ValidationPolicyTests(TestDatabase database)
{
    [Fact]
    public async Task Extra_properties_are_ignored_by_default_and_the_order_is_stored()
    {
        await using var harness = await ValidationHarness.StartAsync(database.ConnectionString);
        var orderId = Guid.NewGuid();
        var body = BadInput.Valid(orderId);
        body["Discount"] = 5;

        await harness.SendRawAsync(BadInput.Message(body.ToJsonString()));

        await Eventually.Until(() => harness.Service.FindOrderAsync(orderId), order => order is not null, "the order to be stored");
    }

    [Fact]
    public async Task With_UnknownProperties_Reject_extra_properties_are_rejected_and_the_producer_is_told()
    {
        await using var harness = await ValidationHarness.StartAsync(
            database.ConnectionString, services => services.PostConfigure<ValidationOptions>(o => o.UnknownProperties = UnknownPropertyPolicy.Reject));
        var orderId = Guid.NewGuid();
        var body = BadInput.Valid(orderId);
        body["Discount"] = 5;

        var messageId = await harness.SendRawAsync(BadInput.Message(body.ToJsonString()));

        var failed = await harness.ErrorQueueMessageAsync(messageId);
        Assert.Contains(ValidationHarness.ListedReasons(failed), r => r.StartsWith("Discount: not a property of OrderPlaced", StringComparison.Ordinal));
        var notice = await harness.RejectionAsync(messageId);
        Assert.Contains(notice!.Reasons, r => r.StartsWith("Discount:", StringComparison.Ordinal));
        Assert.Null(await harness.Service.FindOrderAsync(orderId));
        await harness.AssertGoodOrdersAreStillStoredAsync();
    }

    [Fact]
    public async Task With_NonUtcOffsets_NormalizeToUtc_an_explicit_offset_is_accepted_and_stored_in_utc()
    {
        await using var harness = await ValidationHarness.StartAsync(
            database.ConnectionString, services => services.PostConfigure<ValidationOptions>(o => o.NonUtcOffsets = NonUtcOffsetPolicy.NormalizeToUtc));
        var orderId = Guid.NewGuid();
        var body = BadInput.Valid(orderId);
        body["PlacedAt"] = "2026-03-01T12:00:00+02:00";

        await harness.SendRawAsync(BadInput.Message(body.ToJsonString()));

        var order = await Eventually.Until(() => harness.Service.FindOrderAsync(orderId), o => o is not null, "the order to be stored");
        Assert.Equal(new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), order!.PlacedAt);
        Assert.Equal(TimeSpan.Zero, order.PlacedAt.Offset);
    }

    [Fact]
    public async Task An_ordinary_failure_is_retried_and_not_reported_as_a_rejection()
    {
        await using var harness = await ValidationHarness.StartAsync(
            database.ConnectionString, services => services.AddSingleton<IInterceptor>(new FailAfterSaveInterceptor()));

        var placed = await harness.Service.PlaceOrderAsync();

        var failed = (await Eventually.Until(() => harness.Service.ErrorQueueMessagesFor(placed.OrderId), m => m.Count > 0, "the error queue"))[0];
        Assert.StartsWith("2 unhandled exceptions", failed.Headers[Headers.ErrorDetails], StringComparison.Ordinal);
        Assert.DoesNotContain(nameof(MessageRejectedException), failed.Headers[Headers.ErrorDetails]);
        Assert.DoesNotContain(ValidationHeaders.Errors, failed.Headers.Keys);
        await Task.Delay(TimeSpan.FromSeconds(1), TestContext.Current.CancellationToken);
        Assert.Null(harness.Producer.RejectionOf(failed.Headers[Headers.MessageId]));
    }
}
