using EdaService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EdaService.Outbox;

/// <summary>Deletes sent outbox rows older than the retention, in batches, on an interval.</summary>
internal sealed partial class OutboxCleanupService(
    IServiceScopeFactory scopes, IOptions<OutboxCleanupOptions> options, TimeProvider clock, ILogger<OutboxCleanupService> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.Interval, clock);
        do
        {
            try
            {
                await DeleteExpiredAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCleanupFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>Returns the number of rows deleted.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - options.Value.Retention;
        var batchSize = options.Value.BatchSize;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EdaServiceDbContext>();

        var total = 0;
        int deleted;
        do
        {
            deleted = await db.Database.ExecuteSqlAsync(
                $"DELETE TOP ({batchSize}) FROM [dbo].[Outbox] WHERE [Sent] = 1 AND [CreatedAt] < {cutoff}", cancellationToken);
            total += deleted;
        }
        while (deleted == batchSize);

        if (total > 0)
        {
            LogDeleted(logger, total, cutoff);
        }

        return total;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} sent outbox rows created before {Cutoff:o}")]
    private static partial void LogDeleted(ILogger logger, int count, DateTime cutoff);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox cleanup failed; retrying at the next interval")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception);
}
