using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>Fails the first handler attempt after its business rows were written; later attempts succeed.</summary>
internal sealed class FailOnceAfterSaveInterceptor : SaveChangesInterceptor
{
    private int _attempts;

    public int Attempts => _attempts;

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        Interlocked.Increment(ref _attempts) == 1
            ? throw new InvalidOperationException("injected fault: first attempt fails after the business write")
            : ValueTask.FromResult(result);
}
