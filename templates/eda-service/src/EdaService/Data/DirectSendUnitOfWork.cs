namespace EdaService.Data;

/// <summary>
/// Generated without the outbox: the business write commits in its own transaction and messages published inside the
/// work are sent by Rebus after the handler returns. A crash or broker outage between the two loses those messages
/// (a dual write); regenerate with <c>--outbox true</c> to close that gap.
/// </summary>
internal sealed class DirectSendUnitOfWork(EdaServiceDbContext db) : IUnitOfWork
{
    public async Task ExecuteAsync(string operation, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        // A failure rolls the whole transaction back, so EF Core's savepoint around each SaveChanges (two extra round
        // trips per save) could never be used.
        db.Database.AutoSavepointsEnabled = false;
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await work(cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }
}
