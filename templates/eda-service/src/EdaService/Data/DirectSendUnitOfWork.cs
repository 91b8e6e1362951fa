using EdaService.Messaging;

namespace EdaService.Data;

/// <summary>
/// Generated without the outbox: the business write commits in its own transaction and what the work published is sent
/// right after the commit. A crash or broker outage between the two loses those messages (a dual write); regenerate
/// with <c>--outbox true</c> to close that gap. A unit of work that fails sends nothing.
/// </summary>
internal sealed class DirectSendUnitOfWork(EdaServiceDbContext db) : IUnitOfWork
{
    public async Task<UnitOfWorkResult> ExecuteAsync(string operation, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        // A failure rolls the whole transaction back, so EF Core's savepoint around each SaveChanges (two extra round
        // trips per save) could never be used.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The work publishes before the save: held here, a failed save the handler catches (a stale OrderPlaced) sends
        // nothing, where Rebus would send it once the handler returned.
        using var scope = UnitOfWorkScope.Begin();
        await work(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await scope.CompleteAsync();
        return UnitOfWorkResult.Committed;
    }
}
