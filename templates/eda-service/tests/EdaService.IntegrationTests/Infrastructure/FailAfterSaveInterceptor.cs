using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>Fails every handler after its business rows were written to the database and before anything commits.</summary>
internal sealed class FailAfterSaveInterceptor : SaveChangesInterceptor
{
    private int _failures;

    public int Failures => _failures;

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _failures);
        throw new InvalidOperationException("injected fault: after the business write, before commit");
    }
}
