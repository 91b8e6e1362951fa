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

    [Fact]
    public async Task Receiving_does_not_scan_the_messages_piled_up_for_other_queues()
    {
        await using var service = await ServiceUnderTest.StartAsync(database.ConnectionString);
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await ExecuteAsync(connection, $"""
            INSERT INTO "{DatabaseQueues.MessagesTable}" (recipient, priority, expiration, visible, headers, body)
            SELECT '{StoppedSubscriber}', 0, now() + interval '1 day', now(), '\x'::bytea, '\x'::bytea FROM generate_series(1, 20000);
            ANALYZE "{DatabaseQueues.MessagesTable}";
            """);
        try
        {
            await using var explain = new NpgsqlCommand($"EXPLAIN {RebusReceive}", connection);
            explain.Parameters.AddWithValue("recipient", service.InputQueue);
            var plan = new List<string>();
            await using (var reader = await explain.ExecuteReaderAsync(TestContext.Current.CancellationToken))
            {
                while (await reader.ReadAsync(TestContext.Current.CancellationToken))
                {
                    plan.Add(reader.GetString(0));
                }
            }

            Assert.DoesNotContain(plan, line => line.Contains("Seq Scan", StringComparison.Ordinal));
        }
        finally
        {
            await ExecuteAsync(connection, $"""DELETE FROM "{DatabaseQueues.MessagesTable}" WHERE recipient = '{StoppedSubscriber}'""");
        }
    }

    [Fact]
    public async Task Missing_indexes_are_built_at_startup()
    {
        await (await ServiceUnderTest.StartAsync(database.ConnectionString)).DisposeAsync();
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await ExecuteAsync(connection, $"""
            DROP INDEX "ix_{DatabaseQueues.MessagesTable}_receive_order";
            DROP INDEX "ix_{DatabaseQueues.MessagesTable}_id";
            """);

        await (await ServiceUnderTest.StartAsync(database.ConnectionString)).DisposeAsync();

        await using var valid = new NpgsqlCommand($"""
            SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
            WHERE c.relname IN ('ix_{DatabaseQueues.MessagesTable}_receive_order', 'ix_{DatabaseQueues.MessagesTable}_id') AND i.indisvalid
            """, connection);
        Assert.Equal(2L, await valid.ExecuteScalarAsync(TestContext.Current.CancellationToken));
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

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
