using Microsoft.EntityFrameworkCore;

namespace EdaService.Data;

/// <summary>
/// Re-runs a unit of work that lost an optimistic-concurrency race, on fresh data, instead of failing the message:
/// a conflict is expected under concurrency and must not count as a failure (retries, error queue, kill switch).
/// </summary>
internal static class ConcurrencyRetry
{
    public const int MaxAttempts = 5;

    public static async Task RunAsync(EdaServiceDbContext db, Func<Task> unitOfWork)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await unitOfWork();
                return;
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                // The rolled-back attempt's entities are stale: forget them, so the next attempt reads the winner's row.
                db.ChangeTracker.Clear();
            }
        }
    }
}
