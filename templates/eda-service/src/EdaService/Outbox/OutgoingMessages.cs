using System.Data.Common;
using Rebus.Transport;

namespace EdaService.Outbox;

/// <summary>
/// Where the unit of work writes the messages its work sends, inside its transaction: by default the outbox table,
/// from which Rebus's forwarder sends them once the transaction committed.
/// </summary>
internal class OutgoingMessages
{
    public virtual void Enlist(RebusTransactionScope scope, DbConnection connection, DbTransaction transaction) =>
        OutboxStorage.Enlist(scope, connection, transaction);
}
