using Microsoft.EntityFrameworkCore.Diagnostics;

namespace EdaService.IntegrationTests.Infrastructure;

/// <summary>Holds every handler inside its transaction for a while, so deliveries that arrive together overlap.</summary>
internal sealed class SlowSaveInterceptor(TimeSpan delay) : SaveChangesInterceptor
{
    private int _saves;

    public int Saves => _saves;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _saves);
        await Task.Delay(delay, cancellationToken);
        return result;
    }
}
