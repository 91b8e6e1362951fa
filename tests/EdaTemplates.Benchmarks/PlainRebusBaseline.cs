using System.Diagnostics;
using Npgsql;
using Rebus.Activation;
using Rebus.Config;
using Rebus.Transport;

namespace EdaTemplates.Benchmarks;

/// <summary>
/// What a team gets without the pack: a plain Rebus handler that does one insert, on Rebus.PostgreSql's transport,
/// with Rebus's default options (1 worker, parallelism 5, default backoff). Messages per second from a full queue.
/// </summary>
public static class PlainRebusBaseline
{
    private const string Queue = "plain-in";
    private const string MessagesTable = "messages";

    public sealed record PlaceOrder(Guid OrderId, string CustomerId, decimal Total, DateTimeOffset PlacedAt);

    public static async Task<double> RunAsync(string connectionString, int messages)
    {
        await PostgresServer.ExecuteAsync(connectionString, """
            CREATE TABLE plain_orders (id uuid PRIMARY KEY, customer_id text NOT NULL, total numeric(18,2) NOT NULL, placed_at timestamptz NOT NULL)
            """);
        await FillAsync(connectionString, messages);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        using var activator = new BuiltinHandlerActivator();
        activator.Handle<PlaceOrder>(async order =>
        {
            await using var connection = await dataSource.OpenConnectionAsync();
            await using var command = new NpgsqlCommand(
                "INSERT INTO plain_orders (id, customer_id, total, placed_at) VALUES (@id, @customer, @total, @placedAt)", connection);
            command.Parameters.AddWithValue("id", order.OrderId);
            command.Parameters.AddWithValue("customer", order.CustomerId);
            command.Parameters.AddWithValue("total", order.Total);
            command.Parameters.AddWithValue("placedAt", order.PlacedAt);
            await command.ExecuteNonQueryAsync();
        });

        var stopwatch = Stopwatch.StartNew();
        Configure.With(activator)
            .Logging(l => l.None())
            .Transport(t => t.UsePostgreSql(connectionString, MessagesTable, Queue))
            .Start();
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(20);
        while (await PostgresServer.CountAsync(connectionString, "SELECT count(*) FROM plain_orders") < messages)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The plain Rebus baseline did not finish in 20 minutes.");
            }

            await Task.Delay(25);
        }

        return messages / stopwatch.Elapsed.TotalSeconds;
    }

    private static async Task FillAsync(string connectionString, int messages)
    {
        using var producer = Configure.OneWayClient()
            .Logging(l => l.None())
            .Transport(t => t.UsePostgreSqlAsOneWayClient(connectionString, MessagesTable))
            .Start();
        for (var sent = 0; sent < messages;)
        {
            using var scope = new RebusTransactionScope();
            for (var i = 0; i < 200 && sent < messages; i++, sent++)
            {
                await producer.Advanced.Routing.Send(Queue, new PlaceOrder(Guid.NewGuid(), $"customer-{sent}", 42.50m, DateTimeOffset.UtcNow));
            }

            await scope.CompleteAsync();
        }
    }
}
