namespace EdaService.Data;

/// <summary>
/// Runs a handler's work in one database transaction. Handlers write through <see cref="EdaServiceDbContext"/>
/// and publish through Rebus inside <paramref name="work"/>; the implementation decides how the two commit together.
/// </summary>
public interface IUnitOfWork
{
    Task ExecuteAsync(Func<CancellationToken, Task> work, CancellationToken cancellationToken = default);
}
