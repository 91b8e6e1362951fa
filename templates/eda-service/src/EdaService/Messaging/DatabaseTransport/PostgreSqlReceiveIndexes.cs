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
/// Two of Rebus's own indexes are then dropped. With (priority, visible, id), every receive names its queue, and with two
/// queues holding messages the planner preferred that index and filtered out the other queue's messages one by one (70 ms
/// per receive with 15,000 of them; it made the Database transport's benchmark rounds differ two to three times). With
/// (recipient, expiration, visible), a burst into a queue that was empty when the table was last analyzed (while other
/// queues held messages) was estimated at one row: the planner took that index and sorted the whole backlog for each
/// receive (4-7 ms with 7,000-10,000 waiting), so the queue drained slowest when it was longest. Rebus's cleanup of
/// expired messages does not use it (it looks at the expiration alone).
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

    // Created by Rebus.PostgreSql with the table (and never again); superseded by the receive order index above.
    private static readonly string[] Superseded = [$"idx_dequeue_{Table}", $"idx_receive_{Table}"];

    public static void Configure(RebusConfigurer rebus, string connectionString) =>
        rebus.Options(o => o.Decorate<ITransport>(c => new PostgreSqlReceiveIndexes(c.Get<ITransport>(), connectionString)));

    public string Address => transport.Address;

    /// <summary>
    /// Rebus initializes the transport it decorates first, so the table exists. The catalog is read first because
    /// CREATE INDEX takes a SHARE lock on the table even when the index exists: it waits for every open receive (each
    /// keeps its row until the handler's transaction ends) while the receives and sends queued behind it wait too. With
    /// the queues in the business database that was a deadlock the server cannot see (a handler waiting to insert its
    /// event into the queue table held up the receive the lock waited for); the crash soak found a restarted instance
    /// timing out at startup. Missing indexes are built, and the superseded ones dropped, CONCURRENTLY, which blocks no
    /// receive or send, under a session advisory lock so that instances starting together do each change once.
    /// </summary>
    public void Initialize()
    {
        // Not pooled: the advisory lock belongs to the session, and the service's pooled connections are not reset when
        // they go back to the pool, so a lock left by a failed unlock would stay with one of them.
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        connection.Open();
        if (Changes(connection).Count == 0)
        {
            return;
        }

        Execute(connection, $"SELECT pg_advisory_lock({BuildLock})");
        try
        {
            foreach (var change in Changes(connection))
            {
                Execute(connection, change);
            }
        }
        finally
        {
            Execute(connection, $"SELECT pg_advisory_unlock({BuildLock})");
        }
    }

    /// <summary>
    /// What is left to do, in order: build each index not present (or present but invalid) in the table's schema, then
    /// drop the superseded ones, so the receive always has an index to use.
    /// </summary>
    private static List<string> Changes(NpgsqlConnection connection)
    {
        using var command = new NpgsqlCommand(
            "SELECT c.relname, i.indisvalid FROM pg_class c JOIN pg_index i ON i.indexrelid = c.oid WHERE c.relname = ANY(@names) AND c.relnamespace = 'public'::regnamespace",
            connection);
        command.Parameters.AddWithValue("names", Indexes.Select(index => index.Name).Concat(Superseded).ToArray());
        var present = new Dictionary<string, bool>(StringComparer.Ordinal);
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                present[reader.GetString(0)] = reader.GetBoolean(1);
            }
        }

        var changes = new List<string>();
        foreach (var (name, columns) in Indexes.Where(index => !present.GetValueOrDefault(index.Name)))
        {
            // A concurrent build that failed leaves an invalid index behind, which IF NOT EXISTS would keep.
            changes.Add($"""DROP INDEX CONCURRENTLY IF EXISTS "{name}" """);
            changes.Add($"""CREATE INDEX CONCURRENTLY "{name}" ON "{Table}" {columns}""");
        }

        changes.AddRange(Superseded.Where(present.ContainsKey).Select(name => $"""DROP INDEX CONCURRENTLY IF EXISTS "{name}" """));

        return changes;
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
