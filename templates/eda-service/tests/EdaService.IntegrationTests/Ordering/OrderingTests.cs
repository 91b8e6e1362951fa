using EdaService.Contracts;
using EdaService.Data;
using EdaService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Ordering;

/// <summary>Versioned changes end in the same state whatever order the broker delivers them in.</summary>
public sealed class OrderingTests(TestDatabase database)
{
    private static readonly Dictionary<string, string?> FastGapRetries = new()
    {
        ["Ordering:GapRetryDelay"] = "00:00:00.200",
        ["Ordering:MaxGapRetries"] = "100",
    };

    public static TheoryData<int[]> Permutations => new()
    {
        { [0, 1, 2, 3, 4] },
        { [4, 3, 2, 1, 0] },
        { [2, 4, 0, 3, 1] },
        { [1, 0, 4, 2, 3] },
        { [3, 1, 4, 0, 2] },
    };

    [Theory]
    [MemberData(nameof(Permutations))]
    public async Task Shuffled_versions_end_in_the_same_state_as_in_order_delivery(int[] order)
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, settings: FastGapRetries);
        var id = Guid.NewGuid();
        var at = new DateTimeOffset(2026, 5, 1, 12, 0, 0, TimeSpan.Zero);
        object[] versions =
        [
            new OrderPlaced(id, "customer-ordering", 10m, at),
            new OrderAmended(id, 2, 20m, at.AddMinutes(1)),
            new OrderAmended(id, 3, 30m, at.AddMinutes(2)),
            new OrderAmended(id, 4, 40m, at.AddMinutes(3)),
            new OrderCancelled(id, 5, at.AddMinutes(4)),
        ];

        foreach (var index in order)
        {
            await service.Observer.Bus.Publish(versions[index]);
        }

        var final = await Eventually.Until(() => service.FindOrderAsync(id), o => o?.Version == 5, "version 5");
        Assert.Equal(40m, final!.Total);
        Assert.Equal(at.AddMinutes(4), final.CancelledAt);
        Assert.Empty(await service.ErrorQueueMessagesFor(id));
    }

    [Fact]
    public async Task A_cancellation_at_v3_then_an_update_at_v2_stays_cancelled()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, settings: FastGapRetries);
        var placed = await service.PlaceOrderAsync();
        await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), o => o is not null, "the order");
        var at = DateTimeOffset.UtcNow;

        await service.Observer.Bus.Publish(new OrderCancelled(placed.OrderId, 3, at));
        await service.Observer.Bus.Publish(new OrderAmended(placed.OrderId, 2, 20m, at));
        await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), o => o?.Version == 3, "the cancellation");

        // A late copy of v2 (a producer retry with a new message id) must not bring the order back.
        await service.Observer.Bus.Publish(new OrderAmended(placed.OrderId, 2, 99m, at));
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        var order = await service.FindOrderAsync(placed.OrderId);
        Assert.Equal(3, order!.Version);
        Assert.NotNull(order.CancelledAt);
        Assert.Equal(20m, order.Total);
        Assert.Empty(await service.ErrorQueueMessagesFor(placed.OrderId));
    }

    [Fact]
    public async Task A_late_OrderPlaced_for_a_stored_order_is_acknowledged_without_effect()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, settings: FastGapRetries);
        var placed = await service.PlaceOrderAsync();
        await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
        await service.Observer.Bus.Publish(new OrderAmended(placed.OrderId, 2, 20m, DateTimeOffset.UtcNow));
        await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), o => o?.Version == 2, "version 2");

        // The producer publishes OrderPlaced again (a retry with a new message id): version 1 is stale by now.
        await service.Observer.Bus.Publish(placed with { Total = 99m });
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);

        var order = await service.FindOrderAsync(placed.OrderId);
        Assert.Equal(2, order!.Version);
        Assert.Equal(20m, order.Total);
        Assert.Single(service.Observer.AcceptedFor(placed.OrderId));
        Assert.Empty(await service.ErrorQueueMessagesFor(placed.OrderId));
    }

    [Fact]
    public async Task Two_concurrent_updates_to_one_order_both_survive()
    {
        var slow = new SlowSaveInterceptor(TimeSpan.FromMilliseconds(300));
        await using var service = await ServiceUnderTest.StartAsync(
            database.ConnectionString, services => services.AddSingleton<IInterceptor>(slow), settings: FastGapRetries);
        var placed = await service.PlaceOrderAsync();
        await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), o => o is not null, "the order");

        await Task.WhenAll(
            service.Observer.Bus.Publish(new OrderAmended(placed.OrderId, 2, 20m, DateTimeOffset.UtcNow)),
            service.Observer.Bus.Publish(new OrderAmended(placed.OrderId, 3, 30m, DateTimeOffset.UtcNow)));

        var order = await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), o => o?.Version == 3, "both updates");
        Assert.Equal(30m, order!.Total);
        Assert.Empty(await service.ErrorQueueMessagesFor(placed.OrderId));
    }

    [Fact]
    public async Task A_gap_that_never_closes_goes_to_the_error_queue_after_the_bound()
    {
        await using var service = await ServiceUnderTest.StartAsync(
            database.ConnectionString,
            settings: new Dictionary<string, string?> { ["Ordering:GapRetryDelay"] = "00:00:00.100", ["Ordering:MaxGapRetries"] = "3" });
        var placed = await service.PlaceOrderAsync();
        await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), o => o is not null, "the order");

        await service.Observer.Bus.Publish(new OrderAmended(placed.OrderId, 5, 50m, DateTimeOffset.UtcNow));

        var failed = await Eventually.Until(() => service.ErrorQueueMessagesFor(placed.OrderId), m => m.Count > 0, "the error queue");
        Assert.Contains("Ordering:MaxGapRetries", failed[0].Headers[Headers.ErrorDetails]);
        Assert.Equal(Order.PlacedVersion, (await service.FindOrderAsync(placed.OrderId))!.Version);
    }
}
