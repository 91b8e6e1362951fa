using EdaService.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace EdaService.Outbox;

/// <summary>Deletes sent outbox rows older than <see cref="OutboxCleanupOptions.Retention"/>.</summary>
internal sealed class OutboxCleanupService(
    IServiceScopeFactory scopes, IOptions<OutboxCleanupOptions> options, TimeProvider clock, ILogger<OutboxCleanupService> logger)
    : PeriodicCleanupService(scopes, options.Value.Interval, options.Value.BatchSize, clock, logger)
{
    protected override Task<int> DeleteBatchAsync(EdaServiceDbContext db, DateTimeOffset now, int batchSize, CancellationToken cancellationToken)
    {
        var cutoff = (now - options.Value.Retention).UtcDateTime;
        return db.Database.ExecuteSqlAsync(
            $"DELETE TOP ({batchSize}) FROM [dbo].[Outbox] WHERE [Sent] = 1 AND [CreatedAt] < {cutoff}", cancellationToken);
    }
}
