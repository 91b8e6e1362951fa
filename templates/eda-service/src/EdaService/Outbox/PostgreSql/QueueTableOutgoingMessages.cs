using System.Data.Common;
using EdaService.Data;
using EdaService.Messaging.DatabaseTransport;
using Microsoft.Extensions.Options;
using Rebus.Transport;

namespace EdaService.Outbox;

/// <summary>
/// With the Database transport and its queues in the business database, the messages go straight into the queue table
/// in the business transaction: as atomic as outbox rows, with no row to write, poll, forward and delete (one insert
/// per message instead of two, and none of the forwarder's round trips). The forwarder keeps running for rows written
/// before (by an earlier version, or while the queues lived in another database).
/// </summary>
internal sealed class QueueTableOutgoingMessages : OutgoingMessages
{
    public override void Enlist(RebusTransactionScope scope, DbConnection connection, DbTransaction transaction) =>
        PostgreSqlBusinessTransaction.Enlist(scope, connection, transaction);

    // The transport inserted each message into the queue table as it was sent: nothing left to write.
    public override IReadOnlyList<OutboxMessage> Stage(ITransactionContext context, EdaServiceDbContext db) => [];

    /// <summary>
    /// Call only when the service runs on its own Database transport (not a test's stand-in). Queues in another database
    /// (<c>DatabaseTransport:ConnectionString</c>) cannot share the transaction: the outbox stays.
    /// </summary>
    public static void UseWhenQueuesShareTheDatabase(IHostApplicationBuilder builder) =>
        builder.Services.AddSingleton<OutgoingMessages>(services =>
        {
            var database = services.GetRequiredService<IOptions<DatabaseOptions>>().Value.ConnectionString;
            return DatabaseTransportExtensions.QueuesConnectionString(services) == database ? new QueueTableOutgoingMessages() : new OutgoingMessages();
        });
}
