namespace EdaService.Data;

/// <summary>
/// Deletes expired rows on an interval, in batches, so housekeeping tables stay small without long locks. A failed
/// run is logged and retried at the next tick: housekeeping never stops the service.
/// </summary>
internal abstract partial class PeriodicCleanupService(
    IServiceScopeFactory scopes, TimeSpan interval, int batchSize, TimeProvider clock, ILogger logger) : BackgroundService
{
    /// <summary>Deletes one batch of at most <paramref name="batchSize"/> expired rows; returns how many it deleted.</summary>
    protected abstract Task<int> DeleteBatchAsync(EdaServiceDbContext db, DateTimeOffset now, int batchSize, CancellationToken cancellationToken);

    /// <summary>Runs one cleanup now; returns the number of rows deleted.</summary>
    public async Task<int> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EdaServiceDbContext>();
        var now = clock.GetUtcNow();
        var total = 0;
        int deleted;
        do
        {
            deleted = await DeleteBatchAsync(db, now, batchSize, cancellationToken);
            total += deleted;
        }
        while (deleted == batchSize);

        if (total > 0)
        {
            LogDeleted(logger, total, GetType().Name);
        }

        return total;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval, clock);
        do
        {
            try
            {
                await DeleteExpiredAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogCleanupFailed(logger, exception, GetType().Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Cleanup} deleted {Count} expired rows")]
    private static partial void LogDeleted(ILogger logger, int count, string cleanup);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Cleanup} failed; retrying at the next interval")]
    private static partial void LogCleanupFailed(ILogger logger, Exception exception, string cleanup);
}
