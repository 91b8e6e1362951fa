using Npgsql;
using Rebus.Config;
using Rebus.PostgreSql;
using Rebus.Subscriptions;
using Rebus.Transport;

namespace EdaService.Messaging.DatabaseTransport;

/// <summary>
/// Looks up a topic's subscribers for every publish in one statement. Rebus.PostgreSql's storage opens a transaction for
/// the read (BEGIN, SELECT, ROLLBACK on a connection of its own, with blocking I/O): three statements per published
/// message, the most of any step on the Database transport. Inside a unit of work whose events go into the queue table,
/// the read runs in the business transaction, so the subscribers are the ones that transaction sees. Nothing is cached:
/// a subscriber registered a moment ago gets the next event, as before. Subscribing and unsubscribing stay with Rebus.
/// </summary>
internal sealed class PostgreSqlSubscriberLookup(ISubscriptionStorage subscriptions, string connectionString) : ISubscriptionStorage
{
    // Schema-qualified as Rebus.PostgreSql writes it, whatever the connection's search path.
    private const string Select = $"""SELECT "address" FROM "public"."{DatabaseQueues.SubscriptionsTable}" WHERE "topic" = @topic""";

    public static void Configure(StandardConfigurer<ISubscriptionStorage> configurer, string connectionString) =>
        configurer.Decorate(c => new PostgreSqlSubscriberLookup(c.Get<ISubscriptionStorage>(), connectionString));

    public bool IsCentralized => subscriptions.IsCentralized;

    public async Task<IReadOnlyList<string>> GetSubscriberAddresses(string topic)
    {
        if (PostgreSqlBusinessTransaction.Enlisted(AmbientTransactionContext.Current) is { } business)
        {
            await using var command = business.CreateCommand();
            return await ReadAsync(command, topic);
        }

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var own = connection.CreateCommand();
        return await ReadAsync(own, topic);
    }

    public Task RegisterSubscriber(string topic, string subscriberAddress) => subscriptions.RegisterSubscriber(topic, subscriberAddress);

    public Task UnregisterSubscriber(string topic, string subscriberAddress) => subscriptions.UnregisterSubscriber(topic, subscriberAddress);

    private static async Task<IReadOnlyList<string>> ReadAsync(NpgsqlCommand command, string topic)
    {
        command.CommandText = Select;
        command.Parameters.AddWithValue("topic", topic);
        var addresses = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            addresses.Add(reader.GetString(0));
        }

        return addresses;
    }
}
