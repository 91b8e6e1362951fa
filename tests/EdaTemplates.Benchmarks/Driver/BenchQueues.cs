using EdaService.Contracts;
using EdaService.Messaging;
using Microsoft.Extensions.Options;
using Npgsql;
using Rebus.Activation;
using Rebus.Bus;
using Rebus.Config;
using Rebus.Persistence.InMem;
using Rebus.Transport;
using Rebus.Transport.InMem;

namespace EdaService.BenchDriver;

/// <summary>
/// The queues around the service under test: a producer that fills its input queue, a subscriber queue that
/// collects what it publishes (never consumed, only counted), and counts of queues and tables.
/// </summary>
internal sealed class BenchQueues : IAsyncDisposable
{
    public const string InputQueue = "bench-in";
    public const string ErrorQueue = "bench-error";
    private const string SinkQueue = "bench-sink";

    // The generated Database transport's table names (Messaging/DatabaseTransport).
    private const string MessagesTable = "messages";
    private const string SubscriptionsTable = "subscriptions";

    private readonly DriverArguments _arguments;
    private readonly InMemNetwork _network = new();
    private readonly BuiltinHandlerActivator _sink = new();
    private IBus? _producer;

    public BenchQueues(DriverArguments arguments) => _arguments = arguments;

    /// <summary>Null keeps the transport the service was generated with; otherwise Rebus's in-memory one stands in for a broker.</summary>
    public ConfigureRebus? ServiceTransport => _arguments.InMemory
        ? (rebus, services) =>
        {
            var inputQueue = services.GetRequiredService<IOptions<MessagingOptions>>().Value.InputQueue;
            rebus.Transport(t => t.UseInMemoryTransport(_network, inputQueue));
            rebus.Timeouts(t => t.StoreInMemory());
        }
        : null;

    /// <summary>Call after the service started (its tables exist): subscribes the sink and starts the producer.</summary>
    public async Task StartAsync()
    {
        var sink = Configure.With(_sink).Logging(l => l.None());
        var producer = Configure.OneWayClient().Logging(l => l.None());
        if (_arguments.InMemory)
        {
            sink.Transport(t => t.UseInMemoryTransport(_network, SinkQueue));
            producer.Transport(t => t.UseInMemoryTransportAsOneWayClient(_network));
        }
        else
        {
            sink.Transport(t => t.UsePostgreSql(_arguments.ConnectionString, MessagesTable, SinkQueue))
                .Subscriptions(s => s.StoreInPostgres(_arguments.ConnectionString, SubscriptionsTable, isCentralized: true));
            producer.Transport(t => t.UsePostgreSqlAsOneWayClient(_arguments.ConnectionString, MessagesTable));
        }

        // No workers: published events pile up in the sink queue, where they are counted.
        sink.Options(o => o.SetNumberOfWorkers(0)).Start();
        await _sink.Bus.Subscribe<OrderAccepted>();
        _producer = producer.Start();
    }

    /// <summary>Sends <paramref name="count"/> orders to the service's input queue, 200 per transaction.</summary>
    public async Task FillAsync(int count, string customerPrefix)
    {
        var producer = _producer ?? throw new InvalidOperationException("StartAsync first.");
        for (var sent = 0; sent < count;)
        {
            using var scope = new RebusTransactionScope();
            for (var i = 0; i < 200 && sent < count; i++, sent++)
            {
                var placed = new OrderPlaced(Guid.NewGuid(), $"{customerPrefix}-{sent}", 42.50m, DateTimeOffset.UtcNow);
                await producer.Advanced.Routing.Send(InputQueue, placed);
            }

            await scope.CompleteAsync();
        }
    }

    public Task<long> PublishedAsync() => CountQueueAsync(SinkQueue);

    public Task<long> DeadLettersAsync() => CountQueueAsync(ErrorQueue);

    public Task<long> WaitingAsync() => CountQueueAsync(InputQueue);

    public Task<long> OrdersAsync() => ScalarAsync("""SELECT count(*) FROM "Orders" """, null);

    private Task<long> CountQueueAsync(string queue) =>
        _arguments.InMemory
            ? Task.FromResult((long)_network.GetCount(queue))
            : ScalarAsync($"""SELECT count(*) FROM "{MessagesTable}" WHERE recipient = @queue""", queue);

    private async Task<long> ScalarAsync(string sql, string? queue)
    {
        await using var connection = new NpgsqlConnection(_arguments.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        if (queue is not null)
        {
            command.Parameters.AddWithValue("queue", queue);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (_producer is not null)
        {
            _producer.Dispose();
        }

        await _sink.Bus.Unsubscribe<OrderAccepted>();
        _sink.Dispose();
    }
}
