using EdaService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EdaService.Observability;

/// <summary>Refreshes <see cref="OutboxBacklog"/> on an interval. A failed poll is logged and keeps the last figures.</summary>
internal sealed partial class OutboxBacklogMonitor(
    IServiceScopeFactory scopes, OutboxBacklog backlog, IOptions<OutboxBacklogOptions> options, TimeProvider clock,
    ILogger<OutboxBacklogMonitor> logger) : BackgroundService
{
    /// <summary>Reads the backlog now.</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<EdaServiceDbContext>();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var (pending, oldest) = await OutboxBacklogQuery.ReadAsync(db.Database.GetDbConnection(), cancellationToken);
            backlog.Update(pending, oldest);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.PollInterval, clock);
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogPollFailed(logger, exception);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the outbox backlog failed; the gauges keep the last figures until the next poll")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
