namespace EdaService.Data;

/// <summary>
/// Runs a handler's work in one database transaction. Handlers change <see cref="EdaServiceDbContext"/>'s entities and
/// publish through Rebus inside <paramref name="work"/>; the unit of work saves the changes when the work returns (a
/// handler may still save earlier, e.g. to read a generated value) and decides how they commit with the messages.
/// </summary>
public interface IUnitOfWork
{
    /// <param name="operation">Names the handler doing the work, e.g. <c>nameof(OrderPlacedHandler)</c>; building blocks
    /// such as idempotency key their records by message and operation.</param>
    /// <param name="work">The handler's reads, writes and publishes.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    /// <returns>Whether the work ran and committed, or was skipped as a duplicate: log "done" only for the first.</returns>
    Task<UnitOfWorkResult> ExecuteAsync(string operation, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default);
}
