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

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
    }
}
