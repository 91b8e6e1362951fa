using EdaService.Contracts;
using EdaService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Idempotency;

/// <summary>Duplicates of a message have one effect and one set of outgoing messages.</summary>
public sealed class IdempotencyTests(TestDatabase database)
{
    /// <summary>Longer than the outbox forwarder's 1 s polling interval, so anything that would be sent has been.</summary>
    private static readonly TimeSpan ForwarderGrace = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task The_same_message_delivered_three_times_has_one_effect_and_one_set_of_outgoing_messages()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        var placed = NewOrder();
        var messageId = Guid.NewGuid().ToString();

        for (var i = 0; i < 3; i++)
        {
            await service.Observer.Bus.Publish(placed, new Dictionary<string, string> { [Headers.MessageId] = messageId });
        }

        await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
        await Task.Delay(ForwarderGrace, TestContext.Current.CancellationToken);
        Assert.Single(service.Observer.AcceptedFor(placed.OrderId));
        Assert.NotNull(await service.FindOrderAsync(placed.OrderId));
        Assert.Single(await ProcessedMessagesQuery.ForMessageAsync(service.Services, messageId));
        Assert.Empty(await service.ErrorQueueMessagesFor(placed.OrderId));
    }

    [Fact]
    public async Task The_same_message_handled_by_two_workers_at_once_has_one_effect_and_no_error()
    {
        var slow = new SlowSaveInterceptor(TimeSpan.FromMilliseconds(700));
        await using var service = await ServiceUnderTest.StartAsync(
            database.ConnectionString, services => services.AddSingleton<IInterceptor>(slow));
        var placed = NewOrder();
        var messageId = Guid.NewGuid().ToString();

        await Task.WhenAll(
            service.Observer.Bus.Publish(placed, new Dictionary<string, string> { [Headers.MessageId] = messageId }),
            service.Observer.Bus.Publish(placed, new Dictionary<string, string> { [Headers.MessageId] = messageId }));

        await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
        await Task.Delay(ForwarderGrace, TestContext.Current.CancellationToken);
        Assert.Single(service.Observer.AcceptedFor(placed.OrderId));
        Assert.Single(await ProcessedMessagesQuery.ForMessageAsync(service.Services, messageId));
        Assert.Empty(await service.ErrorQueueMessagesFor(placed.OrderId));
        // Only the first delivery reached the business write: the second waited on its claim and then saw it taken.
        Assert.Equal(1, slow.Saves);
    }

    [Fact]
    public async Task A_handler_that_throws_after_its_write_leaves_no_record_and_the_retry_succeeds_once()
    {
        var fault = new FailOnceAfterSaveInterceptor();
        await using var service = await ServiceUnderTest.StartAsync(
            database.ConnectionString, services => services.AddSingleton<IInterceptor>(fault));
        var placed = NewOrder();
        var messageId = Guid.NewGuid().ToString();

        await service.Observer.Bus.Publish(placed, new Dictionary<string, string> { [Headers.MessageId] = messageId });

        await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
        await Task.Delay(ForwarderGrace, TestContext.Current.CancellationToken);
        Assert.Equal(2, fault.Attempts);
        Assert.Single(service.Observer.AcceptedFor(placed.OrderId));
        var record = Assert.Single(await ProcessedMessagesQuery.ForMessageAsync(service.Services, messageId));
        Assert.Equal("Processed", record.Outcome);
        Assert.Empty(await service.ErrorQueueMessagesFor(placed.OrderId));
    }

    [Fact]
    public async Task The_log_explains_what_was_processed()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        var placed = NewOrder();
        var messageId = Guid.NewGuid().ToString();
        var correlationId = $"corr-{Guid.NewGuid():N}";

        await service.Observer.Bus.Publish(placed, new Dictionary<string, string>
        {
            [Headers.MessageId] = messageId,
            [Headers.CorrelationId] = correlationId,
        });

        await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
        var record = Assert.Single(await ProcessedMessagesQuery.ForMessageAsync(service.Services, messageId));
        Assert.Equal("OrderPlacedHandler", record.Operation);
        Assert.Contains(nameof(OrderPlaced), record.MessageType);
        Assert.Contains(placed.OrderId.ToString(), record.Payload, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(correlationId, record.Headers);
        Assert.NotNull(record.ProcessedAt);
        Assert.Equal("Processed", record.Outcome);
    }

    private static OrderPlaced NewOrder() => new(Guid.NewGuid(), "customer-idem", 19.99m, DateTimeOffset.UtcNow);
}
