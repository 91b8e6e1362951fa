using EdaService.IntegrationTests.Infrastructure;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Messages;

namespace EdaService.IntegrationTests.Outbox;

/// <summary>
/// The business write and the outgoing messages commit together or not at all, proven by injecting faults; here through
/// the outbox table (QueueTableSendTests covers the Database transport's queues in the business database).
/// </summary>
public sealed class OutboxAtomicityTests(TestDatabase database)
{
    [Fact]
    public async Task A_failure_after_the_business_write_commits_nothing_and_sends_nothing()
    {
        var fault = new FailAfterSaveInterceptor();
        await using var service = await ServiceUnderTest.StartAsync(
            database.ConnectionString, services => services.AddSingleton<IInterceptor>(fault), settings: OutboxTable.Settings(database.ConnectionString));

        var placed = await service.PlaceOrderAsync();

        await NothingKept.AssertAsync(service, placed.OrderId, "injected fault", waitForSends: true);
        Assert.True(fault.Failures >= 1);
    }

    [Fact]
    public async Task A_failure_at_the_outbox_insert_leaves_no_business_row()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, settings: OutboxTable.Settings(database.ConnectionString));
        await using (await FaultInjection.FailOutboxInsertsAsync(database.ConnectionString))
        {
            var placed = await service.PlaceOrderAsync();

            await NothingKept.AssertAsync(service, placed.OrderId, "injected fault: outbox insert");
        }
    }

    [Fact]
    public async Task A_crash_between_the_forwarders_send_and_its_mark_resends_with_the_same_message_id()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString, settings: OutboxTable.Settings(database.ConnectionString));
        await using (await FaultInjection.FailFirstForwarderCommitAsync(database.ConnectionString))
        {
            var placed = await service.PlaceOrderAsync();

            var deliveries = await Eventually.Until(
                () => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count >= 2, "the re-sent OrderAccepted");
            Assert.Single(deliveries.Select(d => d.Headers[Headers.MessageId]).Distinct());
            Assert.NotNull(await service.FindOrderAsync(placed.OrderId));
            Assert.Empty(await service.ErrorQueueMessagesFor(placed.OrderId));
        }
    }
}
