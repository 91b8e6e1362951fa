using System.Data.Common;
using EdaService.Data;
using Rebus.Transport;

namespace EdaService.Outbox;

/// <summary>
/// Where the unit of work writes the messages its work sends, inside its transaction: by default the outbox table,
/// from which they are sent once the transaction committed (by OutboxDispatcher, or Rebus's forwarder as the fallback).
/// </summary>
internal class OutgoingMessages
{
    public virtual void Enlist(RebusTransactionScope scope, DbConnection connection, DbTransaction transaction) =>
        OutboxCapture.Enlist(scope);

    /// <summary>
    /// Adds what the work sent to the context as outbox rows, so the unit of work's save writes them; returns them, to be
    /// dispatched once they are committed.
    /// </summary>
    public virtual IReadOnlyList<OutboxMessage> Stage(ITransactionContext context, EdaServiceDbContext db)
    {
        List<OutboxMessage> staged = [.. OutboxCapture.Take(context)];
        db.AddRange(staged);
        return staged;
    }
}
