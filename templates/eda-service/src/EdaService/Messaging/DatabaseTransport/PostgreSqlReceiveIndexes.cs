using Npgsql;
using Rebus.Config;
using Rebus.Bus;
using Rebus.Messages;
using Rebus.Transport;

namespace EdaService.Messaging.DatabaseTransport;

/// <summary>
/// Adds the two indexes Rebus.PostgreSql's receive needs to the queue table it creates. Its receive deletes
/// <c>WHERE id = (SELECT id ... WHERE recipient = @queue ORDER BY priority DESC, visible, id FOR UPDATE SKIP LOCKED
/// LIMIT 1)</c>, but the table's indexes lead with the recipient without the order, or with the order without the
/// recipient, and none starts with <c>id</c>: every receive scanned the whole table, every queue in it. It gets slower
/// as messages pile up for any queue (a stopped subscriber, an error queue); in the benchmark 8.6 ms per receive.
/// </summary>
internal sealed class PostgreSqlReceiveIndexes(ITransport transport, string connectionString) : ITransport, IInitializable
{
    // Rebus initializes the transport it decorates first, so the table exists; the lock keeps instances starting
    // together from racing on IF NOT EXISTS.
    private const string Sql = $"""
        SELECT pg_advisory_xact_lock(hashtext('{DatabaseQueues.MessagesTable}: receive indexes'));
        CREATE INDEX IF NOT EXISTS "ix_{DatabaseQueues.MessagesTable}_receive_order"
            ON "{DatabaseQueues.MessagesTable}" (recipient, priority DESC, visible, id);
        CREATE INDEX IF NOT EXISTS "ix_{DatabaseQueues.MessagesTable}_id" ON "{DatabaseQueues.MessagesTable}" (id);
        """;

    public static void Configure(RebusConfigurer rebus, string connectionString) =>
        rebus.Options(o => o.Decorate<ITransport>(c => new PostgreSqlReceiveIndexes(c.Get<ITransport>(), connectionString)));

    public string Address => transport.Address;

    public void Initialize()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.ExecuteNonQuery();
        transaction.Commit();
    }

    public void CreateQueue(string address) => transport.CreateQueue(address);

    public Task Send(string destinationAddress, TransportMessage message, ITransactionContext transactionContext) =>
        transport.Send(destinationAddress, message, transactionContext);

    public Task<TransportMessage> Receive(ITransactionContext transactionContext, CancellationToken cancellationToken) =>
        transport.Receive(transactionContext, cancellationToken);
}
