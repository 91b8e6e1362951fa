using EdaService.Data;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdaService.BenchDriver;

/// <summary>Fails every order's save, like a dependency that is down: each delivery attempt fails in the handler.</summary>
internal sealed class PoisonInterceptor : SaveChangesInterceptor
{
    private int _failures;

    public int Failures => Volatile.Read(ref _failures);

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context!.ChangeTracker.Entries<Order>().Any())
        {
            Interlocked.Increment(ref _failures);
            throw new InvalidOperationException("benchmark poison: the order store is down");
        }

        return ValueTask.FromResult(result);
    }
}
