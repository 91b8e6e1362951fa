using System.Text;
using EdaService.Contracts;
using EdaService.Data;
using EdaService.IntegrationTests.Infrastructure;
using EdaService.Messaging.DatabaseTransport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Rebus.Bus;
using Rebus.Extensions;

namespace EdaService.IntegrationTests.Outbox;

/// <summary>
/// On the Database transport with the queues in the business database, outgoing messages are inserted into the queue
/// table inside the business transaction, with no outbox row. Atomic, proven by faults the database injects at the
/// queue insert and at the commit.
/// </summary>
public sealed class QueueTableSendTests(TestDatabase database)
{
    [Fact]
    public async Task An_event_reaches_its_subscriber_without_an_outbox_row()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        await using (await FaultInjection.FailOutboxInsertsAsync(database.ConnectionString))
        {
            var placed = await service.PlaceOrderAsync();

            await Eventually.Until(() => Task.FromResult(service.Observer.AcceptedFor(placed.OrderId)), d => d.Count > 0, "OrderAccepted");
            Assert.NotNull(await service.FindOrderAsync(placed.OrderId));
            Assert.Empty(await service.ErrorQueueMessagesFor(placed.OrderId));
        }
    }

    [Fact]
    public async Task A_failure_at_the_queue_insert_leaves_no_business_row()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        await using (await FaultInjection.InstallAsync(database.ConnectionString, FailObserverQueueInserts, RemoveObserverQueueFault))
        {
            var placed = await service.PlaceOrderAsync();

            await NothingKept.AssertAsync(service, placed.OrderId, "injected fault: queue insert");
        }
    }

    [Fact]
    public async Task A_failure_at_commit_after_the_event_was_queued_keeps_neither()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        await using (await FaultInjection.InstallAsync(database.ConnectionString, FailOrderCommits, RemoveOrderCommitFault))
        {
            var placed = await service.PlaceOrderAsync();

            await NothingKept.AssertAsync(service, placed.OrderId, "injected fault: commit", waitForSends: true);
        }
    }

    [Fact]
    public async Task An_event_goes_to_the_subscribers_the_business_transaction_sees()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        var accepted = new OrderAccepted(Guid.NewGuid(), "customer-1", 10m, DateTimeOffset.UtcNow);
        try
        {
            await using (var scope = service.Services.CreateAsyncScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<EdaServiceDbContext>();
                var bus = scope.ServiceProvider.GetRequiredService<IBus>();
                await scope.ServiceProvider.GetRequiredService<IUnitOfWork>().ExecuteAsync("test", async token =>
                {
                    // Not committed yet when the event is published: a lookup on a connection of its own cannot see it.
                    await db.Database.ExecuteSqlRawAsync(Subscribe, [typeof(OrderAccepted).GetSimpleAssemblyQualifiedName(), SubscriberInTransaction], token);
                    await bus.Publish(accepted);
                }, TestContext.Current.CancellationToken);
            }

            await Eventually.Until(
                () => service.MessagesInAsync(SubscriberInTransaction),
                delivered => delivered.Any(m => Encoding.UTF8.GetString(m.Body).Contains(accepted.OrderId.ToString(), StringComparison.OrdinalIgnoreCase)),
                "OrderAccepted in the queue of the subscriber written in the same transaction");
        }
        finally
        {
            await DatabaseServer.ExecuteAsync(database.ConnectionString, RemoveSubscriberInTransaction);
        }
    }

    private const string SubscriberInTransaction = "eda-test-subscriber-in-transaction";

    private const string Subscribe = $$"""INSERT INTO "{{DatabaseQueues.SubscriptionsTable}}" (topic, address) VALUES ({0}, {1}) ON CONFLICT DO NOTHING""";

    private const string RemoveSubscriberInTransaction = $"""
        DELETE FROM "{DatabaseQueues.SubscriptionsTable}" WHERE address = '{SubscriberInTransaction}';
        DELETE FROM "{DatabaseQueues.MessagesTable}" WHERE recipient = '{SubscriberInTransaction}';
        """;

    // Only the observer's queue (observer-<id>): the service's error queue must still take the failed message.
    private const string FailObserverQueueInserts = $"""
        CREATE FUNCTION eda_fault_queue_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NEW.recipient LIKE 'observer-%' THEN
                RAISE EXCEPTION 'injected fault: queue insert';
            END IF;
            RETURN NEW;
        END $$;
        CREATE TRIGGER eda_fault_queue_insert BEFORE INSERT ON "{DatabaseQueues.MessagesTable}"
            FOR EACH ROW EXECUTE FUNCTION eda_fault_queue_insert();
        """;

    private const string RemoveObserverQueueFault = $"""
        DROP TRIGGER IF EXISTS eda_fault_queue_insert ON "{DatabaseQueues.MessagesTable}";
        DROP FUNCTION IF EXISTS eda_fault_queue_insert();
        """;

    // A deferred constraint trigger fires at COMMIT, after the order and the event were both written.
    private const string FailOrderCommits = """
        CREATE FUNCTION eda_fault_order_commit() RETURNS trigger LANGUAGE plpgsql
            AS $$ BEGIN RAISE EXCEPTION 'injected fault: commit'; END $$;
        CREATE CONSTRAINT TRIGGER eda_fault_order_commit AFTER INSERT ON "Orders"
            DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION eda_fault_order_commit();
        """;

    private const string RemoveOrderCommitFault = """
        DROP TRIGGER IF EXISTS eda_fault_order_commit ON "Orders";
        DROP FUNCTION IF EXISTS eda_fault_order_commit();
        """;
}
