using System.Text.Json;
using Npgsql;
using Rebus.Activation;
using Rebus.Backoff;
using Rebus.Bus;
using Rebus.Config;
using Rebus.Messages;
using Rebus.Transport;

namespace EdaTemplates.Soak.Downstream;

/// <summary>
/// Another service subscribed to OrderAccepted: its own Rebus endpoint and queue in the queue database. Every delivery
/// is recorded; the effect (one row per accepted order) is applied once per message id, the way an idempotent consumer
/// would, so a re-sent event is absorbed and counted, and two different events for one order show up as two effects.
/// </summary>
internal sealed class DownstreamConsumer : IAsyncDisposable
{
    public const string Queue = "soak-downstream";
    public const string OrderAcceptedTopic = "Soak.Contracts.OrderAccepted, Soak.Contracts";

    public const string Schema = """
        CREATE TABLE IF NOT EXISTS soak_downstream_deliveries (
            id bigserial PRIMARY KEY, message_id text NOT NULL, order_id uuid NOT NULL, at timestamptz NOT NULL DEFAULT clock_timestamp());
        CREATE TABLE IF NOT EXISTS soak_downstream_processed (message_id text PRIMARY KEY, order_id uuid NOT NULL);
        CREATE TABLE IF NOT EXISTS soak_downstream_effects (id bigserial PRIMARY KEY, order_id uuid NOT NULL, message_id text NOT NULL);
        """;

    private readonly BuiltinHandlerActivator _activator = new();
    private readonly NpgsqlDataSource _database;

    private DownstreamConsumer(NpgsqlDataSource database)
    {
        _database = database;
        _activator.Handle<RawEvent>((_, context, message) => ApplyAsync(context.Headers[Headers.MessageId], message));
    }

    /// <summary>The endpoint's transport: the feeder sends through it as a producer would.</summary>
    public ITransport Transport { get; private set; } = null!;

    public static async Task<DownstreamConsumer> StartAsync(NpgsqlDataSource database, string connectionString, string messagesTable, string subscriptionsTable)
    {
        await using (var schema = database.CreateCommand(Schema))
        {
            await schema.ExecuteNonQueryAsync();
        }

        var consumer = new DownstreamConsumer(database);
        Configure.With(consumer._activator)
            .Logging(l => l.Console(minLevel: Rebus.Logging.LogLevel.Warn))
            .Transport(t => t.UsePostgreSql(connectionString, messagesTable, Queue))
            .Subscriptions(s => s.StoreInPostgres(connectionString, subscriptionsTable, isCentralized: true))
            .Serialization(s => s.Register(_ => new RawSerializer()))
            .Options(o =>
            {
                o.SetNumberOfWorkers(2);
                o.SetMaxParallelism(10);
                o.SetBackoffTimes(TimeSpan.FromMilliseconds(5), TimeSpan.FromMilliseconds(50));
                o.Decorate(c => consumer.Transport = c.Get<ITransport>());
            })
            .Start();
        await consumer._activator.Bus.Advanced.Topics.Subscribe(OrderAcceptedTopic);
        return consumer;
    }

    public ValueTask DisposeAsync()
    {
        _activator.Dispose();
        return ValueTask.CompletedTask;
    }

    private async Task ApplyAsync(string messageId, RawEvent message)
    {
        if (message.Type != OrderAcceptedTopic)
        {
            throw new InvalidOperationException($"The downstream consumer subscribed to OrderAccepted only, and received {message.Type}.");
        }

        using var body = JsonDocument.Parse(message.Body);
        var orderId = body.RootElement.GetProperty("OrderId").GetGuid();
        await using var connection = await _database.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand("""
            INSERT INTO soak_downstream_deliveries (message_id, order_id) VALUES (@id, @order);
            WITH claimed AS (
                INSERT INTO soak_downstream_processed (message_id, order_id) VALUES (@id, @order) ON CONFLICT DO NOTHING RETURNING order_id)
            INSERT INTO soak_downstream_effects (order_id, message_id) SELECT order_id, @id FROM claimed;
            """, connection, transaction);
        command.Parameters.AddWithValue("id", messageId);
        command.Parameters.AddWithValue("order", orderId);
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }
}
