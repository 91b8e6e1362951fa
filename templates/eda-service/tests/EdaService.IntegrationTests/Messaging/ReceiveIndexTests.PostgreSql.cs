using EdaService.IntegrationTests.Infrastructure;
using EdaService.Messaging.DatabaseTransport;
using Npgsql;

namespace EdaService.IntegrationTests.Messaging;

/// <summary>The queue table's receive stays an index lookup however many messages other queues hold.</summary>
public sealed class ReceiveIndexTests(TestDatabase database)
{
    // Rebus.PostgreSql's receive statement (PostgreSqlTransport.Receive), as it sends it.
    private const string RebusReceive = $"""
        DELETE from "public"."{DatabaseQueues.MessagesTable}"
        where id =
        (
            select id from "public"."{DatabaseQueues.MessagesTable}"
            where recipient = @recipient
            and visible < now()
            and expiration > now()
            order by priority desc, visible asc, id asc
            for update skip locked
            limit 1
        )
        returning id, headers, body
        """;

    private const string StoppedSubscriber = "eda-test-stopped-subscriber";
    private const string BusyQueue = "eda-test-busy-queue";

    [Fact]
    public async Task Receiving_does_not_scan_the_messages_piled_up_for_other_queues()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        // Two queues with a backlog each (neither is the service's): with Rebus's (priority, visible, id) index the planner
        // walked that one and filtered out the other queue's messages one by one (70 ms per receive in the benchmark).
        await ExecuteAsync(connection, $"""
            INSERT INTO "{DatabaseQueues.MessagesTable}" (recipient, priority, expiration, visible, headers, body)
            SELECT CASE WHEN n % 2 = 0 THEN '{StoppedSubscriber}' ELSE '{BusyQueue}' END, 0, now() + interval '1 day', now(), '\x'::bytea, '\x'::bytea
            FROM generate_series(1, 40000) AS n;
            ANALYZE "{DatabaseQueues.MessagesTable}";
            """);
        try
        {
            var plan = await ReceivePlanAsync(connection, BusyQueue);
            var receive = string.Join(Environment.NewLine, plan);
            Assert.DoesNotContain("Seq Scan", receive, StringComparison.Ordinal);
            // The queue is part of the index condition: only its own messages are visited.
            Assert.Contains(plan, line => line.Contains("Index Cond:", StringComparison.Ordinal) && line.Contains("recipient", StringComparison.Ordinal));
            Assert.DoesNotContain(plan, line => line.Contains("Filter:", StringComparison.Ordinal) && line.Contains("recipient", StringComparison.Ordinal));
        }
        finally
        {
            await ExecuteAsync(connection, $"""DELETE FROM "{DatabaseQueues.MessagesTable}" WHERE recipient IN ('{StoppedSubscriber}', '{BusyQueue}')""");
        }
    }

    [Fact]
    public async Task Receiving_reads_a_burst_in_queue_order_when_the_statistics_saw_that_queue_empty()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        // Analyzed while only another queue held messages, then a burst into this one: the planner estimated one row and,
        // with Rebus's (recipient, expiration, visible) index, fetched the whole backlog and sorted it for every receive.
        await ExecuteAsync(connection, $"""
            INSERT INTO "{DatabaseQueues.MessagesTable}" (recipient, priority, expiration, visible, headers, body)
            SELECT '{StoppedSubscriber}', 0, now() + interval '1 day', now(), '\x'::bytea, '\x'::bytea FROM generate_series(1, 30000);
            ANALYZE "{DatabaseQueues.MessagesTable}";
            INSERT INTO "{DatabaseQueues.MessagesTable}" (recipient, priority, expiration, visible, headers, body)
            SELECT '{BusyQueue}', 0, now() + interval '1 day', now(), '\x'::bytea, '\x'::bytea FROM generate_series(1, 10000);
            """);
        try
        {
            var plan = await ReceivePlanAsync(connection, BusyQueue);
            Assert.DoesNotContain(plan, line => line.Contains("Sort", StringComparison.Ordinal));
            Assert.Contains(plan, line => line.Contains($"ix_{DatabaseQueues.MessagesTable}_receive_order", StringComparison.Ordinal));
        }
        finally
        {
            await ExecuteAsync(connection, $"""
                DELETE FROM "{DatabaseQueues.MessagesTable}" WHERE recipient IN ('{StoppedSubscriber}', '{BusyQueue}');
                ANALYZE "{DatabaseQueues.MessagesTable}";
                """);
        }
    }

    [Fact]
    public async Task Missing_indexes_are_built_and_the_superseded_ones_dropped_at_startup()
    {
        await (await ServiceUnderTest.StartAsync(database.ConnectionString)).DisposeAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        // The table as Rebus.PostgreSql creates it.
        await ExecuteAsync(connection, $"""
            DROP INDEX "ix_{DatabaseQueues.MessagesTable}_receive_order";
            DROP INDEX "ix_{DatabaseQueues.MessagesTable}_id";
            CREATE INDEX "idx_dequeue_{DatabaseQueues.MessagesTable}" ON "{DatabaseQueues.MessagesTable}" (priority DESC, visible ASC, id ASC);
            CREATE INDEX "idx_receive_{DatabaseQueues.MessagesTable}" ON "{DatabaseQueues.MessagesTable}" (recipient ASC, expiration ASC, visible ASC);
            """);

        await (await ServiceUnderTest.StartAsync(database.ConnectionString)).DisposeAsync();

        await using var indexes = new NpgsqlCommand($"""
            SELECT c.relname FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE i.indrelid = '"{DatabaseQueues.MessagesTable}"'::regclass AND i.indisvalid ORDER BY c.relname
            """, connection);
        var present = new List<string>();
        await using (var reader = await indexes.ExecuteReaderAsync(TestContext.Current.CancellationToken))
        {
            while (await reader.ReadAsync(TestContext.Current.CancellationToken))
            {
                present.Add(reader.GetString(0));
            }
        }

        Assert.Contains($"ix_{DatabaseQueues.MessagesTable}_receive_order", present);
        Assert.Contains($"ix_{DatabaseQueues.MessagesTable}_id", present);
        Assert.DoesNotContain($"idx_dequeue_{DatabaseQueues.MessagesTable}", present);
        Assert.DoesNotContain($"idx_receive_{DatabaseQueues.MessagesTable}", present);
    }

    [Fact]
    public async Task An_instance_starts_while_another_holds_a_receive_open()
    {
        // The table and its indexes exist, as when an instance restarts beside running ones.
        await (await ServiceUnderTest.StartAsync(database.ConnectionString)).DisposeAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var receive = await connection.BeginTransactionAsync(TestContext.Current.CancellationToken);

        // A receive in progress: its DELETE holds the table's ROW EXCLUSIVE lock until the handler's transaction ends.
        // CREATE INDEX IF NOT EXISTS waited for it (SHARE lock) and the start timed out.
        await using (var delete = new NpgsqlCommand(
            $"""DELETE FROM "{DatabaseQueues.MessagesTable}" WHERE recipient = '{StoppedSubscriber}'""", connection, receive))
        {
            await delete.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        var placed = await service.PlaceOrderAsync();
        await Eventually.Until(() => service.FindOrderAsync(placed.OrderId), order => order is not null, "the order, handled while the receive stays open");
    }

    /// <summary>The plan of Rebus's receive for <paramref name="queue"/>, as the server makes it for those parameters.</summary>
    private static async Task<List<string>> ReceivePlanAsync(NpgsqlConnection connection, string queue)
    {
        await using var explain = new NpgsqlCommand($"EXPLAIN {RebusReceive}", connection);
        explain.Parameters.AddWithValue("recipient", queue);
        var plan = new List<string>();
        await using var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            plan.Add(reader.GetString(0));
        }

        return plan;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
