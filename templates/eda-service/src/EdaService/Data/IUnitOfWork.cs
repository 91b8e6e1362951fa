namespace EdaService.Data;

/// <summary>
/// Runs a handler's work in one database transaction. Handlers write through <see cref="EdaServiceDbContext"/>
/// and publish through Rebus inside <paramref name="work"/>; the implementation decides how the two commit together.
/// </summary>
public interface IUnitOfWork
{
    /// <param name="operation">Names the handler doing the work, e.g. <c>nameof(OrderPlacedHandler)</c>; building blocks
    /// such as idempotency key their records by message and operation.</param>
    /// <param name="work">The handler's reads, writes and publishes.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    Task ExecuteAsync(string operation, Func<CancellationToken, Task> work, CancellationToken cancellationToken = default);
}
