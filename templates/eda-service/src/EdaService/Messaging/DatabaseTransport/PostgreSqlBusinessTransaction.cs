using System.Data.Common;
using Npgsql;
using Rebus.PostgreSql;
using Rebus.Transport;

namespace EdaService.Messaging.DatabaseTransport;

/// <summary>
/// Rebus.PostgreSql's transport asks this provider for a connection once per transaction context, and inserts each
/// message it sends right away on that connection. In a scope enlisted here it gets the business connection and
/// transaction, which it neither commits nor disposes: the messages commit with the business write or not at all.
/// Everywhere else (receiving, sending outside a unit of work) it gets a connection of its own, as before.
/// </summary>
internal sealed class PostgreSqlBusinessTransaction(IPostgresConnectionProvider queues) : IPostgresConnectionProvider
{
    private const string ConnectionKey = "eda-business-transaction";

    public static void Enlist(RebusTransactionScope scope, DbConnection connection, DbTransaction transaction) =>
        scope.TransactionContext.Items[ConnectionKey] =
            new PostgresConnection((NpgsqlConnection)connection, (NpgsqlTransaction)transaction, managedExternally: true);

    /// <summary>The business connection and transaction enlisted in this context, if any.</summary>
    public static PostgresConnection? Enlisted(ITransactionContext? context) =>
        context?.Items.TryGetValue(ConnectionKey, out var enlisted) == true ? (PostgresConnection)enlisted : null;

    // The transport calls this inside Send, where the ambient transaction context is the one it was given.
    public Task<PostgresConnection> GetConnection() =>
        Enlisted(AmbientTransactionContext.Current) is { } business ? Task.FromResult(business) : queues.GetConnection();
}
