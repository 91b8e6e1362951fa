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
    private const string Table = DatabaseQueues.MessagesTable;
    private const string BuildLock = $"hashtext('{Table}: receive indexes')";

    private static readonly (string Name, string Columns)[] Indexes =
    [
        ($"ix_{Table}_receive_order", "(recipient, priority DESC, visible, id)"),
        ($"ix_{Table}_id", "(id)"),
    ];

    public static void Configure(RebusConfigurer rebus, string connectionString) =>
        rebus.Options(o => o.Decorate<ITransport>(c => new PostgreSqlReceiveIndexes(c.Get<ITransport>(), connectionString)));

    public string Address => transport.Address;

    /// <summary>
    /// Rebus initializes the transport it decorates first, so the table exists. The catalog is read first because
    /// CREATE INDEX takes a SHARE lock on the table even when the index exists: it waits for every open receive (each
    /// keeps its row until the handler's transaction ends) while the receives and sends queued behind it wait too. With
    /// the queues in the business database that was a deadlock the server cannot see (a handler waiting to insert its
    /// event into the queue table held up the receive the lock waited for); the crash soak found a restarted instance
    /// timing out at startup. Missing indexes are built CONCURRENTLY, which blocks no receive or send, under a session
    /// advisory lock so that instances starting together build each one once.
    /// </summary>
    public void Initialize()
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        if (Missing(connection).Count == 0)
        {
            return;
        }

        Execute(connection, $"SELECT pg_advisory_lock({BuildLock})");
        try
        {
            foreach (var (name, columns) in Missing(connection))
            {
                // A concurrent build that failed leaves an invalid index behind, which IF NOT EXISTS would keep.
                Execute(connection, $"""DROP INDEX CONCURRENTLY IF EXISTS "{name}" """);
                Execute(connection, $"""CREATE INDEX CONCURRENTLY "{name}" ON "{Table}" {columns}""");
            }
        }
        finally
        {
            Execute(connection, $"SELECT pg_advisory_unlock({BuildLock})");
        }
    }

    /// <summary>The indexes not present, or present but invalid, in the table's schema.</summary>
    private static List<(string Name, string Columns)> Missing(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname = ANY(@names) AND i.indisvalid AND c.relnamespace = 'public'::regnamespace",
            connection);
        command.Parameters.AddWithValue("names", Indexes.Select(index => index.Name).ToArray());
        var valid = new HashSet<string>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                valid.Add(reader.GetString(0));
            }
        }

        return Indexes.Where(index => !valid.Contains(index.Name)).ToList();
    }

    // No time limit: a concurrent build waits for the transactions already open on the table, once, at startup.
    private static void Execute(NpgsqlConnection connection, string sql)
    {
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        command.ExecuteNonQuery();
    }

    public void CreateQueue(string address) => transport.CreateQueue(address);

    public Task Send(string destinationAddress, TransportMessage message, ITransactionContext transactionContext) =>
        transport.Send(destinationAddress, message, transactionContext);

    public Task<TransportMessage> Receive(ITransactionContext transactionContext, CancellationToken cancellationToken) =>
        transport.Receive(transactionContext, cancellationToken);
}
