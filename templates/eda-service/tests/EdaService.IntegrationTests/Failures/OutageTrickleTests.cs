using System.Diagnostics;
using EdaService.Contracts;
using EdaService.IntegrationTests.Infrastructure;
#if (UseKillSwitch)
using EdaService.KillSwitch;
using Microsoft.Extensions.DependencyInjection;
#endif

namespace EdaService.IntegrationTests.Failures;

/// <summary>
/// The database goes down for 30 seconds while the queue stays up and a message arrives every 2 seconds: the case
/// that used to dead-letter up to FailureThreshold / MaxDeliveryAttempts messages before anything stopped. At the shipped
/// settings nothing may be dead-lettered, and every message is applied once after the database is back.
/// </summary>
[Collection(IsolatedCollection.Name)]
public sealed class OutageTrickleTests(TestDatabase database)
{
    private static readonly TimeSpan Outage = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task A_30_second_outage_with_a_message_every_2_seconds_dead_letters_nothing_and_every_message_is_applied_once()
    {
        var connectionString = await database.CreateIsolatedDatabaseAsync();
        await using var proxy = await OutageProxy.StartAsync(connectionString);
        await using var service = await ServiceUnderTest.StartAsync(
            connectionString,
            transport: TestTransport.Create(connectionString),
            settings: new Dictionary<string, string?>
            {
                // The business database behind the proxy that goes down; the queues (Database transport) stay up.
                ["Database:ConnectionString"] = proxy.ConnectionString,
                ["DatabaseTransport:ConnectionString"] = connectionString,
                // The shipped value: the test harness lowers it for speed elsewhere.
                ["Messaging:MaxDeliveryAttempts"] = "5",
            });
#if (UseKillSwitch)
        var opened = new List<TimeSpan>();
        var clock = Stopwatch.StartNew();
        service.Services.GetRequiredService<KillSwitchStateMachine>().Transitioned += transition =>
        {
            if (transition.To == KillSwitchState.Open)
            {
                lock (opened)
                {
                    opened.Add(clock.Elapsed);
                }
            }
        };
#endif

        var placed = new List<OrderPlaced>();
        for (var i = 0; i < 3; i++)
        {
            placed.Add(await service.PlaceOrderAsync());
        }

        await AllStoredAsync(service, placed);

#if (UseKillSwitch)
        var outageStarted = clock.Elapsed;
#endif
        proxy.GoDown();
        var outage = Stopwatch.StartNew();
        while (outage.Elapsed < Outage)
        {
            placed.Add(await service.PlaceOrderAsync());
            await Task.Delay(Interval, TestContext.Current.CancellationToken);
        }

        proxy.ComeBack();
        for (var i = 0; i < 3; i++)
        {
            placed.Add(await service.PlaceOrderAsync());
        }

        // Long enough for the last of the shipped delayed retries that can be due (10 s, then 1 min) or the kill
        // switch's probe after its shipped 1-minute cool-down.
        await AllStoredAsync(service, placed, TimeSpan.FromMinutes(3));
        Assert.Empty(await service.MessagesInAsync(service.ErrorQueue));
        foreach (var order in placed)
        {
            Assert.NotNull(await service.FindOrderAsync(order.OrderId));
            await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(order.OrderId).Count), count => count >= 1, $"OrderAccepted for {order.OrderId}");
            Assert.Single(service.Observer.AcceptedFor(order.OrderId));
        }

#if (UseKillSwitch)
        // Connection failures are outage evidence from the first message on: the switch opens within that message's
        // attempts, not after FailureThreshold / MaxDeliveryAttempts messages (20 / 5 = 4, 6 seconds into the outage).
        lock (opened)
        {
            Assert.NotEmpty(opened);
            Assert.InRange(opened[0] - outageStarted, TimeSpan.Zero, Interval + Interval / 2);
        }
#endif
    }

    private static Task AllStoredAsync(ServiceUnderTest service, IReadOnlyList<OrderPlaced> placed, TimeSpan? timeout = null) =>
        Eventually.Until(
            async () =>
            {
                var missing = 0;
                foreach (var order in placed)
                {
                    missing += await service.FindOrderAsync(order.OrderId) is null ? 1 : 0;
                }

                return missing;
            },
            missing => missing == 0,
            $"all {placed.Count} orders to be stored",
            timeout);
}
