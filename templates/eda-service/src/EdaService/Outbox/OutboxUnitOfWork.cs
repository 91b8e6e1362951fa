using EdaService.Data;
using EdaService.Messaging;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace EdaService.Outbox;

/// <summary>
/// One transaction for the business write and the outgoing messages: a nested Rebus scope collects what the work
/// publishes, and one save writes the work's changes and the outbox rows (see <see cref="OutgoingMessages"/>) before the
/// single commit. Nothing is committed or sent if any step fails; once committed, the messages are dispatched at once.
/// </summary>
internal sealed class OutboxUnitOfWork(EdaServiceDbContext db, OutgoingMessages outgoing, OutboxDispatcher dispatcher) : IUnitOfWork
{
    public async Task<UnitOfWorkResult> ExecuteAsync(string operation, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        // A failure anywhere rolls the whole transaction back, so EF Core's savepoint around each SaveChanges (two extra
        // round trips per save) could never be used.
        db.Database.AutoSavepointsEnabled = false;
        IReadOnlyList<OutboxMessage> staged;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        using (var scope = UnitOfWorkScope.Begin())
        {
            outgoing.Enlist(scope, db.Database.GetDbConnection(), transaction.GetDbTransaction());
            await work(cancellationToken);
            // The business rows and the outbox rows in one save: EF Core sends them as one batch, one round trip.
            staged = outgoing.Stage(scope.TransactionContext, db);
            await db.SaveChangesAsync(cancellationToken);
            await scope.CompleteAsync();
        }

        await transaction.CommitAsync(cancellationToken);
        // Sent from memory right away; were the process to stop first, the forwarder sends them from the outbox table.
        dispatcher.Dispatch(staged);
        return UnitOfWorkResult.Committed;
    }
}
